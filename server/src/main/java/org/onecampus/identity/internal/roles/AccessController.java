package org.onecampus.identity.internal.roles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * Why a person has access: every permission with the role grants it comes from (directly, via a current
 * position, via an ACTIVE unexpired affiliation) and, for a registered SSO app, whether they may use it.
 */
@RestController
class AccessController {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AccessController(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@GetMapping("/api/v1/identity/people/{personId}/access")
	@PreAuthorize("hasAuthority('identity:person:read')")
	Access access(@PathVariable UUID personId, @RequestParam(required = false) String app) {
		Person person = jdbc.sql("""
				select p.id, p.name, a.username, a.enabled from identity_person p
				left join identity_account a on a.person_id = p.id where p.id = :id""").param("id", personId)
			.query((rs, n) -> new Person(rs.getString("name"), rs.getString("username"), rs.getBoolean("enabled")))
			.optional().orElseThrow(() -> PlatformException.notFound("person", personId));
		List<Grant> grants = grants(personId);
		Map<String, List<Grant>> byPermission = new LinkedHashMap<>();
		jdbc.sql("select role_code, permission from identity_role_permission order by permission, role_code")
			.query((rs, n) -> Map.entry(rs.getString("permission"), rs.getString("role_code"))).list()
			.forEach(e -> grants.stream().filter(g -> g.role().equals(e.getValue()))
				.forEach(g -> byPermission.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(g)));
		List<PermissionReasons> permissions = byPermission.entrySet().stream()
			.map(e -> new PermissionReasons(e.getKey(), e.getValue())).toList();
		return new Access(personId, person.name(), person.username(), person.username() != null && person.enabled(),
				permissions, grants, app == null || app.isBlank() ? null : app(personId, person, app.strip()));
	}

	private List<Grant> grants(UUID personId) {
		return jdbc.sql("""
				select r.code, r.name, r.name_en, 'DIRECT' as via, null as kind, null as unit_code, null as unit_name,
				  null as affiliation_type, s.code as scope_code, s.name as scope_name
				from identity_account a join identity_account_role ar on ar.account_id = a.id
				join identity_role r on r.code = ar.role_code
				left join identity_org_unit s on s.id = ar.scope_org_unit_id
				where a.person_id = :p
				union all
				select r.code, r.name, r.name_en, 'POSITION', p.kind, u.code, u.name, null, null, null
				from identity_position p join identity_position_role pr on pr.position_kind = p.kind
				  and (pr.org_unit_id is null or pr.org_unit_id = p.org_unit_id)
				join identity_role r on r.code = pr.role_code
				join identity_org_unit u on u.id = p.org_unit_id
				where p.person_id = :p and p.start_date <= current_date and (p.end_date is null or p.end_date >= current_date)
				union all
				select distinct r.code, r.name, r.name_en, 'AFFILIATION', null, null, null, f.type, null, null
				from identity_affiliation f join identity_affiliation_role fr on fr.affiliation_type = f.type
				join identity_role r on r.code = fr.role_code
				where f.person_id = :p and f.status = 'ACTIVE' and f.start_date <= current_date
				  and (f.end_date is null or f.end_date >= current_date)
				order by 1, 4""").param("p", personId)
			.query((rs, n) -> new Grant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
			.list();
	}

	private AppAccess app(UUID personId, Person person, String code) {
		AppRow row = jdbc.sql("select code, name, name_en, enabled, allowed_affiliations::text as allowed from identity_sso_app where code = :c")
			.param("c", code)
			.query((rs, n) -> new AppRow(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getBoolean("enabled"), List.of(json.readValue(rs.getString("allowed"), String[].class))))
			.optional().orElseThrow(() -> PlatformException.notFound("app", code));
		List<String> active = jdbc.sql("""
				select distinct type from identity_affiliation where person_id = :p and status = 'ACTIVE'
				and start_date <= current_date and (end_date is null or end_date >= current_date) order by 1""")
			.param("p", personId).query(String.class).list();
		List<String> matching = row.allowed().isEmpty() ? active : active.stream().filter(row.allowed()::contains).toList();
		List<String> refusals = new ArrayList<>();
		if (!row.enabled()) {
			refusals.add("app-disabled");
		}
		if (person.username() == null) {
			refusals.add("no-account");
		}
		else if (!person.enabled()) {
			refusals.add("account-disabled");
		}
		if (!row.allowed().isEmpty() && matching.isEmpty()) {
			refusals.add("affiliation-not-allowed");
		}
		return new AppAccess(row.code(), row.name(), row.nameEn(), row.enabled(), row.allowed(), active, matching,
				refusals.isEmpty(), refusals);
	}

	private record Person(String name, String username, boolean enabled) {
	}

	private record AppRow(String code, String name, String nameEn, boolean enabled, List<String> allowed) {
	}

	/**
	 * @param via DIRECT, POSITION or AFFILIATION
	 * @param positionKind for POSITION: the kind held
	 * @param orgUnitCode for POSITION: the unit of the position held
	 * @param affiliationType for AFFILIATION: the type of the active affiliation
	 * @param scopeOrgUnitCode for DIRECT: the subtree the role is limited to; null: the whole university
	 */
	record Grant(String role, String roleName, String roleNameEn, String via, String positionKind, String orgUnitCode,
			String orgUnitName, String affiliationType, String scopeOrgUnitCode, String scopeOrgUnitName) {
	}

	record PermissionReasons(String permission, List<Grant> reasons) {
	}

	/**
	 * @param allowed whether the person may use the app now
	 * @param refusals why not: app-disabled, no-account, account-disabled, affiliation-not-allowed
	 */
	record AppAccess(String code, String name, String nameEn, boolean enabled, List<String> allowedAffiliations,
			List<String> activeAffiliations, List<String> matchingAffiliations, boolean allowed, List<String> refusals) {
	}

	record Access(UUID personId, String name, String username, boolean accountEnabled, List<PermissionReasons> permissions,
			List<Grant> roles, AppAccess app) {
	}
}
