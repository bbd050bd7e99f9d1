package org.onecampus.identity.internal.org;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.OrgChart;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org tree, loaded one level at a time (the page's lazy tree), and its changes: create,
 * rename, move, close. A department administrator sees and changes only their subtree.
 */
@RestController
class OrgUnitsController {

	static final String READ = "identity:org:read";

	static final String MANAGE = "identity:org:manage";

	private final JdbcClient jdbc;

	private final AdminScope scopes;

	private final AuditLog audit;

	private final OrgChart orgChart;

	OrgUnitsController(JdbcClient jdbc, AdminScope scopes, AuditLog audit, OrgChart orgChart) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.orgChart = orgChart;
	}

	/** The children of {@code parentId}; without it the roots of the caller's scope. */
	@GetMapping("/api/v1/identity/org-units")
	@PreAuthorize("hasAuthority('identity:org:read')")
	List<Unit> children(@AuthenticationPrincipal CampusUser user, @RequestParam(required = false) UUID parentId) {
		AdminScope.Scope scope = scopes.of(user, READ);
		if (parentId != null) {
			scope.require(parentId);
			return units("o.parent_id = :parent", Map.of("parent", parentId));
		}
		if (scope.whole()) {
			return units("o.parent_id is null", Map.of());
		}
		if (scope.units().isEmpty()) {
			return List.of();
		}
		return units("o.id in (:units) and (o.parent_id is null or o.parent_id not in (:units))", Map.of("units", scope.units()));
	}

	@GetMapping("/api/v1/identity/org-units/{id}")
	@PreAuthorize("hasAuthority('identity:org:read')")
	Unit unit(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		scopes.of(user, READ).require(id);
		return units("o.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> PlatformException.notFound("org-unit", id));
	}

	@PostMapping("/api/v1/identity/org-units")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	ResponseEntity<Unit> create(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody NewUnit form) {
		scopes.of(user, MANAGE).require(form.parentId());
		if (jdbc.sql("select exists (select 1 from identity_org_unit where code = :c)").param("c", form.code()).query(Boolean.class).single()) {
			throw PlatformException.conflict("identity.org-unit-code-taken", form.code());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_org_unit (id, code, name, name_en, type, parent_id, valid_from, valid_to)
				values (:id, :code, :name, :nameEn, :type, :parent, :from, :to)""")
			.param("id", id).param("code", form.code()).param("name", form.name()).param("nameEn", form.nameEn())
			.param("type", form.type()).param("parent", form.parentId())
			.param("from", form.validFrom() == null ? LocalDate.now() : form.validFrom()).param("to", form.validTo()).update();
		audit.record("identity.org-unit.created", "org-unit:" + form.code(), Map.of("type", form.type()));
		return ResponseEntity.created(URI.create("/api/v1/identity/org-units/" + id)).body(unit(user, id));
	}

	/** Rename, change type or move below another parent (never below itself). */
	@PutMapping("/api/v1/identity/org-units/{id}")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	Unit change(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody UnitChange form) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		scope.require(id);
		Unit before = unit(user, id);
		if (form.parentId() != null && !form.parentId().equals(before.parentId())) {
			scope.require(form.parentId());
			boolean cycle = jdbc.sql("""
					with recursive below(id) as (select cast(:id as uuid) union
					  select o.id from identity_org_unit o join below b on o.parent_id = b.id)
					select exists (select 1 from below where id = :parent)""").param("id", id).param("parent", form.parentId())
				.query(Boolean.class).single();
			if (cycle) {
				throw PlatformException.conflict("identity.org-unit-cycle");
			}
		}
		UUID parent = form.parentId() == null ? before.parentId() : form.parentId();
		jdbc.sql("update identity_org_unit set name = :name, name_en = :nameEn, type = :type, parent_id = :parent where id = :id")
			.param("name", form.name()).param("nameEn", form.nameEn()).param("type", form.type()).param("parent", parent)
			.param("id", id).update();
		audit.record("identity.org-unit.changed", "org-unit:" + before.code(), Map.of("name", form.name(), "type",
				form.type(), "moved", !java.util.Objects.equals(parent, before.parentId())));
		return unit(user, id);
	}

	/** Closes the unit at {@code validTo} (default today); its sub-units must be closed first. */
	@PostMapping("/api/v1/identity/org-units/{id}/closure")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	Unit close(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody Closure form) {
		scopes.of(user, MANAGE).require(id);
		LocalDate until = form.validTo() == null ? LocalDate.now() : form.validTo();
		boolean openChildren = jdbc.sql("""
				select exists (select 1 from identity_org_unit where parent_id = :id and (valid_to is null or valid_to > :until))""")
			.param("id", id).param("until", until).query(Boolean.class).single();
		if (openChildren) {
			throw PlatformException.conflict("identity.org-unit-open-children");
		}
		jdbc.sql("update identity_org_unit set valid_to = :until where id = :id").param("until", until).param("id", id).update();
		Unit closed = unit(user, id);
		audit.record("identity.org-unit.closed", "org-unit:" + closed.code(), Map.of("validTo", until.toString()));
		return closed;
	}

	/** Who an approver rule names for a person: a preview for administrators designing approval rules. */
	@GetMapping("/api/v1/identity/people/{personId}/approvers")
	@PreAuthorize("hasAuthority('identity:org:read')")
	List<UUID> approvers(@PathVariable UUID personId, @RequestParam String rule) {
		try {
			return orgChart.resolve(personId, OrgChart.ApproverRule.parse(rule));
		}
		catch (IllegalArgumentException ex) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "identity.approver-rule");
		}
	}

	private List<Unit> units(String condition, Map<String, ?> params) {
		return jdbc.sql("""
				select o.id, o.code, o.name, o.name_en, o.type, o.parent_id, o.valid_from, o.valid_to,
				  exists (select 1 from identity_org_unit c where c.parent_id = o.id) as has_children
				from identity_org_unit o where """ + " " + condition + " order by o.sort_order, o.code").params(params)
			.query((rs, n) -> new Unit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("type"), rs.getObject("parent_id", UUID.class),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getBoolean("has_children")))
			.list();
	}

	/** @param validTo null while open */
	record Unit(UUID id, String code, String name, String nameEn, String type, UUID parentId, LocalDate validFrom,
			LocalDate validTo, boolean hasChildren) {
	}

	static final String TYPES = "UNIVERSITY|CAMPUS|COLLEGE|OFFICE|MAJOR|CLASS|RESEARCH_GROUP";

	record NewUnit(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
			@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
			@NotNull @Pattern(regexp = TYPES) String type, @NotNull UUID parentId, LocalDate validFrom, LocalDate validTo) {
	}

	/** @param parentId null: stays where it is */
	record UnitChange(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
			@NotNull @Pattern(regexp = TYPES) String type, UUID parentId) {
	}

	record Closure(LocalDate validTo) {
	}
}
