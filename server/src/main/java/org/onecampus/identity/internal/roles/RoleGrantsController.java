package org.onecampus.identity.internal.roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants a role to a person (their account, optionally scoped to an org unit subtree), to a position kind
 * (optionally at one org unit) or to an affiliation type, and revokes it. Grants count at the next sign-in.
 */
@RestController
class RoleGrantsController {

	static final String POSITION_KINDS = "HEAD|DEPUTY_HEAD|COUNSELLOR|CLASS_ADVISOR|SUPERVISOR|OFFICE_STAFF";

	static final String AFFILIATION_TYPES = "UNDERGRADUATE|POSTGRADUATE|PHD|FACULTY|STAFF|CONTRACTOR|VISITING_SCHOLAR"
			+ "|SERVICE_STAFF|VISITOR|ALUMNUS|PARENT";

	private final JdbcClient jdbc;

	private final RolesController roles;

	private final AuditLog audit;

	RoleGrantsController(JdbcClient jdbc, RolesController roles, AuditLog audit) {
		this.jdbc = jdbc;
		this.roles = roles;
		this.audit = audit;
	}

	@GetMapping("/api/v1/identity/roles/{code}/people")
	@PreAuthorize(RolesController.MANAGE)
	List<PersonGrant> people(@PathVariable String code) {
		roles.require(code);
		return jdbc.sql("""
				select a.person_id, a.username, p.name, ar.scope_org_unit_id, u.code as unit_code, u.name as unit_name
				from identity_account_role ar join identity_account a on a.id = ar.account_id
				join identity_person p on p.id = a.person_id
				left join identity_org_unit u on u.id = ar.scope_org_unit_id
				where ar.role_code = :code order by a.username limit 200""").param("code", code)
			.query((rs, n) -> new PersonGrant(rs.getObject("person_id", UUID.class), rs.getString("username"),
					rs.getString("name"), rs.getObject("scope_org_unit_id", UUID.class), rs.getString("unit_code"),
					rs.getString("unit_name")))
			.list();
	}

	/** Grants the role to the person's account; granting again replaces the scope. */
	@PostMapping("/api/v1/identity/roles/{code}/people")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	RolesController.Role grantToPerson(@PathVariable String code, @Valid @RequestBody ToPerson form) {
		roles.require(code);
		requireUnit(form.scopeOrgUnitId());
		UUID account = jdbc.sql("select id from identity_account where person_id = :p").param("p", form.personId())
			.query(UUID.class).optional().orElseThrow(() -> PlatformException.notFound("account", form.personId()));
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id) values (:a, :code, :scope)
				on conflict (account_id, role_code) do update set scope_org_unit_id = excluded.scope_org_unit_id""")
			.param("a", account).param("code", code).param("scope", form.scopeOrgUnitId()).update();
		Map<String, Object> details = new HashMap<>(Map.of("role", code));
		if (form.scopeOrgUnitId() != null) {
			details.put("scopeOrgUnit", form.scopeOrgUnitId().toString());
		}
		audit.record("identity.role.granted", "person:" + form.personId(), details);
		return roles.one(code);
	}

	@DeleteMapping("/api/v1/identity/roles/{code}/people/{personId}")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	ResponseEntity<Void> revokeFromPerson(@PathVariable String code, @PathVariable UUID personId) {
		roles.require(code);
		int removed = jdbc.sql("""
				delete from identity_account_role where role_code = :code
				and account_id = (select id from identity_account where person_id = :p)""")
			.param("code", code).param("p", personId).update();
		if (removed == 0) {
			throw PlatformException.notFound("grant", code + "/" + personId);
		}
		audit.record("identity.role.revoked", "person:" + personId, Map.of("role", code));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/identity/roles/{code}/positions")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	RolesController.Role grantToPosition(@PathVariable String code, @Valid @RequestBody ToPosition form) {
		roles.require(code);
		requireUnit(form.orgUnitId());
		boolean taken = jdbc.sql("""
				select exists (select 1 from identity_position_role where role_code = :code and position_kind = :kind
				and org_unit_id is not distinct from :unit)""")
			.param("code", code).param("kind", form.kind()).param("unit", form.orgUnitId()).query(Boolean.class).single();
		if (taken) {
			throw PlatformException.conflict("identity.role.already-granted", code);
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into identity_position_role (id, role_code, position_kind, org_unit_id) values (:id, :code, :kind, :unit)")
			.param("id", id).param("code", code).param("kind", form.kind()).param("unit", form.orgUnitId()).update();
		Map<String, Object> details = new HashMap<>(Map.of("positionKind", form.kind(), "grant", id.toString()));
		if (form.orgUnitId() != null) {
			details.put("orgUnit", form.orgUnitId().toString());
		}
		audit.record("identity.role.granted-to-position", "role:" + code, details);
		return roles.one(code);
	}

	@DeleteMapping("/api/v1/identity/roles/{code}/positions/{grantId}")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	ResponseEntity<Void> revokeFromPosition(@PathVariable String code, @PathVariable UUID grantId) {
		int removed = jdbc.sql("delete from identity_position_role where id = :id and role_code = :code")
			.param("id", grantId).param("code", code).update();
		if (removed == 0) {
			throw PlatformException.notFound("grant", grantId);
		}
		audit.record("identity.role.revoked-from-position", "role:" + code, Map.of("grant", grantId.toString()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/identity/roles/{code}/affiliations")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	RolesController.Role grantToAffiliation(@PathVariable String code, @Valid @RequestBody ToAffiliation form) {
		roles.require(code);
		int added = jdbc.sql("""
				insert into identity_affiliation_role (role_code, affiliation_type) values (:code, :type)
				on conflict do nothing""").param("code", code).param("type", form.type()).update();
		if (added == 0) {
			throw PlatformException.conflict("identity.role.already-granted", code);
		}
		audit.record("identity.role.granted-to-affiliation", "role:" + code, Map.of("affiliationType", form.type()));
		return roles.one(code);
	}

	@DeleteMapping("/api/v1/identity/roles/{code}/affiliations/{type}")
	@PreAuthorize(RolesController.MANAGE)
	@Transactional
	ResponseEntity<Void> revokeFromAffiliation(@PathVariable String code, @PathVariable String type) {
		int removed = jdbc.sql("delete from identity_affiliation_role where role_code = :code and affiliation_type = :type")
			.param("code", code).param("type", type).update();
		if (removed == 0) {
			throw PlatformException.notFound("grant", code + "/" + type);
		}
		audit.record("identity.role.revoked-from-affiliation", "role:" + code, Map.of("affiliationType", type));
		return ResponseEntity.noContent().build();
	}

	private void requireUnit(UUID unit) {
		if (unit != null && !jdbc.sql("select exists (select 1 from identity_org_unit where id = :id)").param("id", unit)
			.query(Boolean.class).single()) {
			throw PlatformException.notFound("org-unit", unit);
		}
	}

	record PersonGrant(UUID personId, String username, String name, UUID scopeOrgUnitId, String scopeOrgUnitCode,
			String scopeOrgUnitName) {
	}

	record ToPerson(@NotNull UUID personId, UUID scopeOrgUnitId) {
	}

	record ToPosition(@NotNull @Pattern(regexp = POSITION_KINDS) String kind, UUID orgUnitId) {
	}

	record ToAffiliation(@NotNull @Pattern(regexp = AFFILIATION_TYPES) String type) {
	}
}
