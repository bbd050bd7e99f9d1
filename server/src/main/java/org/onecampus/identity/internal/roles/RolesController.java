package org.onecampus.identity.internal.roles;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Roles: list with permissions and grants, create, delete (not built-in ones), set permissions. */
@RestController
class RolesController {

	static final String MANAGE = "hasAuthority('identity:role:manage')";

	private final JdbcClient jdbc;

	private final KnownPermissions known;

	private final AuditLog audit;

	RolesController(JdbcClient jdbc, KnownPermissions known, AuditLog audit) {
		this.jdbc = jdbc;
		this.known = known;
		this.audit = audit;
	}

	@GetMapping("/api/v1/identity/roles")
	@PreAuthorize(MANAGE)
	List<Role> roles() {
		return jdbc.sql("""
				select r.code, r.name, r.name_en, r.description, r.built_in,
				  (select count(*) from identity_account_role ar where ar.role_code = r.code) as people
				from identity_role r order by r.built_in desc, r.code""")
			.query((rs, n) -> role(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getString("description"), rs.getBoolean("built_in"), rs.getLong("people")))
			.list();
	}

	@GetMapping("/api/v1/identity/roles/permissions")
	@PreAuthorize(MANAGE)
	List<String> permissions() {
		return known.all();
	}

	@PostMapping("/api/v1/identity/roles")
	@PreAuthorize(MANAGE)
	@Transactional
	ResponseEntity<Role> create(@Valid @RequestBody NewRole form) {
		if (exists(form.code())) {
			throw PlatformException.conflict("identity.role.code-taken", form.code());
		}
		jdbc.sql("insert into identity_role (code, name, name_en, description) values (:code, :name, :nameEn, :description)")
			.param("code", form.code()).param("name", form.name().strip()).param("nameEn", form.nameEn().strip())
			.param("description", form.description()).update();
		audit.record("identity.role.created", "role:" + form.code(), Map.of("name", form.name()));
		return ResponseEntity.created(URI.create("/api/v1/identity/roles/" + form.code())).body(one(form.code()));
	}

	@PutMapping("/api/v1/identity/roles/{code}/permissions")
	@PreAuthorize(MANAGE)
	@Transactional
	Role setPermissions(@PathVariable String code, @Valid @RequestBody PermissionSet form) {
		require(code);
		List<String> knownPermissions = known.all();
		List<FieldProblem> problems = new ArrayList<>();
		TreeSet<String> wanted = new TreeSet<>(form.permissions());
		wanted.stream().filter(p -> !knownPermissions.contains(p))
			.forEach(p -> problems.add(new FieldProblem("permissions", "identity.role.permission-unknown")));
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		if ("PLATFORM_ADMIN".equals(code) && !wanted.contains("identity:role:manage")) {
			throw PlatformException.conflict("identity.role.lockout");
		}
		jdbc.sql("delete from identity_role_permission where role_code = :code").param("code", code).update();
		wanted.forEach(p -> jdbc.sql("insert into identity_role_permission (role_code, permission) values (:code, :p)")
			.param("code", code).param("p", p).update());
		audit.record("identity.role.permissions-set", "role:" + code, Map.of("permissions", List.copyOf(wanted)));
		return one(code);
	}

	@DeleteMapping("/api/v1/identity/roles/{code}")
	@PreAuthorize(MANAGE)
	@Transactional
	ResponseEntity<Void> delete(@PathVariable String code) {
		require(code);
		if (jdbc.sql("select built_in from identity_role where code = :code").param("code", code).query(Boolean.class).single()) {
			throw PlatformException.conflict("identity.role.built-in", code);
		}
		jdbc.sql("delete from identity_account_role where role_code = :code").param("code", code).update();
		jdbc.sql("delete from identity_role where code = :code").param("code", code).update();
		audit.record("identity.role.deleted", "role:" + code, Map.of());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	Role one(String code) {
		return roles().stream().filter(r -> r.code().equals(code)).findFirst()
			.orElseThrow(() -> PlatformException.notFound("role", code));
	}

	void require(String code) {
		if (!exists(code)) {
			throw PlatformException.notFound("role", code);
		}
	}

	private boolean exists(String code) {
		return jdbc.sql("select exists (select 1 from identity_role where code = :code)").param("code", code)
			.query(Boolean.class).single();
	}

	private Role role(String code, String name, String nameEn, String description, boolean builtIn, long people) {
		List<String> permissions = jdbc.sql("select permission from identity_role_permission where role_code = :c order by 1")
			.param("c", code).query(String.class).list();
		List<PositionGrant> positions = jdbc.sql("""
				select g.id, g.position_kind, g.org_unit_id, u.code as unit_code, u.name as unit_name
				from identity_position_role g left join identity_org_unit u on u.id = g.org_unit_id
				where g.role_code = :c order by g.position_kind, u.code nulls first""").param("c", code)
			.query((rs, n) -> new PositionGrant(rs.getObject("id", UUID.class), rs.getString("position_kind"),
					rs.getObject("org_unit_id", UUID.class), rs.getString("unit_code"), rs.getString("unit_name")))
			.list();
		List<String> affiliations = jdbc.sql("select affiliation_type from identity_affiliation_role where role_code = :c order by 1")
			.param("c", code).query(String.class).list();
		return new Role(code, name, nameEn, description, builtIn, permissions, people, positions, affiliations);
	}

	record Role(String code, String name, String nameEn, String description, boolean builtIn, List<String> permissions,
			long people, List<PositionGrant> positions, List<String> affiliationTypes) {
	}

	record PositionGrant(UUID id, String kind, UUID orgUnitId, String orgUnitCode, String orgUnitName) {
	}

	record NewRole(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String code, @NotBlank @Size(max = 100) String name,
			@NotBlank @Size(max = 100) String nameEn, @Size(max = 500) String description) {
	}

	record PermissionSet(@NotNull List<@NotBlank String> permissions) {
	}
}
