package org.onecampus.identity.internal.org;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Positions in an org unit (head, deputy head, counsellor, class advisor, supervisor, office staff): list, assign, end. */
@RestController
class PositionsController {

	private final JdbcClient jdbc;

	private final AdminScope scopes;

	private final PositionEditing editing;

	PositionsController(JdbcClient jdbc, AdminScope scopes, PositionEditing editing) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.editing = editing;
	}

	@GetMapping("/api/v1/identity/org-units/{id}/positions")
	@PreAuthorize("hasAuthority('identity:org:read')")
	List<Position> positions(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		scopes.of(user, OrgUnitsController.READ).require(id);
		return jdbc.sql("""
				select p.id, p.kind, p.person_id, h.name, p.subject_person_id, s.name as subject_name, p.start_date, p.end_date
				from identity_position p join identity_person h on h.id = p.person_id
				left join identity_person s on s.id = p.subject_person_id
				where p.org_unit_id = :id and (p.end_date is null or p.end_date >= current_date)
				order by p.kind, h.name""").param("id", id)
			.query((rs, n) -> new Position(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("person_id", UUID.class), rs.getString("name"),
					rs.getObject("subject_person_id", UUID.class), rs.getString("subject_name"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
			.list();
	}

	@PostMapping("/api/v1/identity/org-units/{id}/positions")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	ResponseEntity<Position> assign(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody Assignment form) {
		UUID position = editing.assign(new PositionEditing.Assignment(form.personId(), id, form.kind(),
				form.subjectPersonId(), form.startDate(), form.endDate()), scopes.of(user, OrgUnitsController.MANAGE));
		LocalDate start = form.startDate() == null ? LocalDate.now() : form.startDate();
		Position created = positions(user, id).stream().filter(p -> p.id().equals(position)).findFirst()
			.orElseGet(() -> new Position(position, form.kind(), form.personId(), null, form.subjectPersonId(), null, start,
					form.endDate()));
		return ResponseEntity.created(URI.create("/api/v1/identity/org-units/" + id + "/positions/" + position)).body(created);
	}

	/** Ends a position at {@code endDate} (default yesterday, so it no longer counts today). */
	@PostMapping("/api/v1/identity/org-units/{id}/positions/{positionId}/ending")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	ResponseEntity<Void> end(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @PathVariable UUID positionId,
			@RequestBody(required = false) Ending form) {
		LocalDate end = form == null || form.endDate() == null ? LocalDate.now().minusDays(1) : form.endDate();
		if (!editing.end(id, positionId, end, scopes.of(user, OrgUnitsController.MANAGE))) {
			throw PlatformException.notFound("position", positionId);
		}
		return ResponseEntity.noContent().build();
	}

	record Position(UUID id, String kind, UUID personId, String personName, UUID subjectPersonId, String subjectName,
			LocalDate startDate, LocalDate endDate) {
	}

	record Assignment(@NotNull UUID personId,
			@NotNull @Pattern(regexp = PositionEditing.KIND_PATTERN) String kind,
			UUID subjectPersonId, LocalDate startDate, LocalDate endDate) {
	}

	record Ending(LocalDate endDate) {
	}
}
