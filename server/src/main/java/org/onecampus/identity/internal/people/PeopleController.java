package org.onecampus.identity.internal.people;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators find people and read their details, within their scope. */
@RestController
class PeopleController {

	static final String READ = "identity:person:read";

	static final String REVEAL_ID = "identity:person:reveal-id";

	private final PeopleSearch search;

	private final PersonDetails details;

	private final AdminScope scopes;

	private final JdbcClient jdbc;

	private final IdCards idCards;

	private final AuditLog audit;

	PeopleController(PeopleSearch search, PersonDetails details, AdminScope scopes, JdbcClient jdbc, IdCards idCards,
			AuditLog audit) {
		this.search = search;
		this.details = details;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.idCards = idCards;
		this.audit = audit;
	}

	@GetMapping("/api/v1/identity/people")
	@PreAuthorize("hasAuthority('identity:person:read')")
	Page<PeopleSearch.PersonSummary> search(@AuthenticationPrincipal CampusUser user,
			@RequestParam(required = false) String q, @RequestParam(required = false) String idCard,
			@RequestParam(required = false) @Pattern(regexp = AffiliationRules.TYPE_PATTERN) String affiliationType,
			@RequestParam(required = false) UUID orgUnitId, @Valid PageQuery paging) {
		return search.search(new PeopleSearch.Criteria(q, idCard, affiliationType, orgUnitId), paging,
				scopes.of(user, READ));
	}

	@GetMapping("/api/v1/identity/people/{id}")
	@PreAuthorize("hasAuthority('identity:person:read')")
	PersonDetails.Detail detail(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return details.find(id, scopes.of(user, READ)).orElseThrow(() -> PlatformException.notFound("person", id));
	}

	/** The 身份证 in plain, for an administrator who must check it; every reveal is audited. */
	@GetMapping("/api/v1/identity/people/{id}/id-card")
	@PreAuthorize("hasAuthority('identity:person:reveal-id')")
	@Transactional
	IdCard revealIdCard(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		AdminScope.Scope scope = scopes.of(user, REVEAL_ID);
		String cipher = scope.bind(jdbc.sql("select id_card_cipher from identity_person p where p.id = :id and "
				+ scope.personCondition("p.id")).param("id", id))
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional()
			.orElseThrow(() -> PlatformException.notFound("person", id))
			.orElseThrow(() -> PlatformException.notFound("id-card", id));
		audit.record("identity.person.id-card-revealed", "person:" + id, Map.of());
		return new IdCard(idCards.open(cipher));
	}

	record IdCard(String idCard) {
	}
}
