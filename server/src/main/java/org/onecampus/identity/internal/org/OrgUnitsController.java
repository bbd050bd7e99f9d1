package org.onecampus.identity.internal.org;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.OrgChart;
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

	private final OrgChart orgChart;

	private final OrgUnitEditing editing;

	OrgUnitsController(JdbcClient jdbc, AdminScope scopes, OrgChart orgChart, OrgUnitEditing editing) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgChart = orgChart;
		this.editing = editing;
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
		UUID id = editing.create(new OrgUnitEditing.UnitData(form.code(), form.name(), form.nameEn(), form.type(),
				form.parentId(), form.validFrom(), form.validTo(), form.sortOrder()), scopes.of(user, MANAGE));
		return ResponseEntity.created(URI.create("/api/v1/identity/org-units/" + id)).body(unit(user, id));
	}

	/** Rename, change type, dates or sort order, or move below another parent (never below itself). */
	@PutMapping("/api/v1/identity/org-units/{id}")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	Unit change(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody UnitChange form) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		scope.require(id);
		OrgUnitEditing.Stored before = editing.byId(id).orElseThrow(() -> PlatformException.notFound("org-unit", id));
		editing.change(id, new OrgUnitEditing.UnitData(before.code(), form.name(), form.nameEn(), form.type(),
				form.parentId() == null ? before.parentId() : form.parentId(), form.validFrom(), before.validTo(),
				form.sortOrder()), scope);
		return unit(user, id);
	}

	/**
	 * Closes the unit at {@code validTo} (default today); its sub-units must be closed first and nobody may still
	 * belong to it or hold a position in it.
	 */
	@PostMapping("/api/v1/identity/org-units/{id}/closure")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	Unit close(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody Closure form) {
		editing.close(id, form.validTo() == null ? LocalDate.now() : form.validTo(), scopes.of(user, MANAGE));
		return unit(user, id);
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
				select o.id, o.code, o.name, o.name_en, o.type, o.parent_id, o.valid_from, o.valid_to, o.sort_order,
				  exists (select 1 from identity_org_unit c where c.parent_id = o.id) as has_children
				from identity_org_unit o where """ + " " + condition + " order by o.sort_order, o.code").params(params)
			.query((rs, n) -> new Unit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("type"), rs.getObject("parent_id", UUID.class),
					rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
					rs.getInt("sort_order"), rs.getBoolean("has_children")))
			.list();
	}

	/** @param validTo null while open */
	record Unit(UUID id, String code, String name, String nameEn, String type, UUID parentId, LocalDate validFrom,
			LocalDate validTo, int sortOrder, boolean hasChildren) {
	}

	static final String TYPES = OrgUnitEditing.TYPE_PATTERN;

	record NewUnit(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
			@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
			@NotNull @Pattern(regexp = TYPES) String type, @NotNull UUID parentId, LocalDate validFrom, LocalDate validTo,
			@Min(0) @Max(99999) Integer sortOrder) {
	}

	/** @param parentId null: stays where it is; validFrom, sortOrder null: unchanged */
	record UnitChange(@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
			@NotNull @Pattern(regexp = TYPES) String type, UUID parentId, LocalDate validFrom,
			@Min(0) @Max(99999) Integer sortOrder) {
	}

	record Closure(LocalDate validTo) {
	}
}
