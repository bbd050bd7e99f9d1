package org.onecampus.identity.internal.roles;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RoleGrantsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRoleGrantedToCounsellorsCountsAtTheNextSignInAndEndingThePositionRemovesIt() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String role = newRole(admin, "kernel:ops:read");
		assertThat(permissionsOf("cou001")).doesNotContain("kernel:ops:read");

		Response granted = admin.postJson("/api/v1/identity/roles/" + role + "/positions", "{\"kind\":\"COUNSELLOR\"}");
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(permissionsOf("cou001")).contains("kernel:ops:read");
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/roles/" + role + "/positions",
				"{\"kind\":\"COUNSELLOR\"}"), 409, "identity.role.already-granted");

		UUID fac001 = person("fac001");
		UUID itc = jdbc.sql("select id from identity_org_unit where code = 'ITC'").query(UUID.class).single();
		assertThat(permissionsOf("fac001")).doesNotContain("kernel:ops:read");
		Response assigned = admin.postJson("/api/v1/identity/org-units/" + itc + "/positions",
				"{\"personId\":\"%s\",\"kind\":\"COUNSELLOR\"}".formatted(fac001));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		assertThat(permissionsOf("fac001")).contains("kernel:ops:read");
		Response access = admin.get("/api/v1/identity/people/" + fac001 + "/access");
		JsonNode reasons = reasonsFor(access.json(), "kernel:ops:read");
		assertThat(reasons.get(0).get("via").asString()).isEqualTo("POSITION");
		assertThat(reasons.get(0).get("positionKind").asString()).isEqualTo("COUNSELLOR");
		assertThat(reasons.get(0).get("orgUnitCode").asString()).isEqualTo("ITC");

		admin.postJson("/api/v1/identity/org-units/" + itc + "/positions/" + assigned.json().get("id").asString() + "/ending", "{}");
		assertThat(permissionsOf("fac001")).doesNotContain("kernel:ops:read");
		assertThat(reasonsFor(admin.get("/api/v1/identity/people/" + fac001 + "/access").json(), "kernel:ops:read")).isNull();

		String grant = granted.json().get("positions").get(0).get("id").asString();
		assertThat(delete(admin, "/api/v1/identity/roles/" + role + "/positions/" + grant).status()).isEqualTo(204);
		assertThat(permissionsOf("cou001")).doesNotContain("kernel:ops:read");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where target = :t").param("t", "role:" + role)
			.query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aRoleGrantedToAnAffiliationTypeCountsOnlyForActiveAffiliations() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String role = newRole(admin, "messaging:delivery:read");
		assertThat(admin.postJson("/api/v1/identity/roles/" + role + "/affiliations", "{\"type\":\"FACULTY\"}").status())
			.isEqualTo(200);
		assertThat(permissionsOf("fac001")).contains("messaging:delivery:read");
		assertThat(permissionsOf("stu001")).doesNotContain("messaging:delivery:read");
		JsonNode reasons = reasonsFor(admin.get("/api/v1/identity/people/" + person("fac001") + "/access").json(),
				"messaging:delivery:read");
		assertThat(reasons.get(0).get("via").asString()).isEqualTo("AFFILIATION");
		assertThat(reasons.get(0).get("affiliationType").asString()).isEqualTo("FACULTY");

		jdbc.sql("update identity_affiliation set status = 'SUSPENDED' where person_id = :p and type = 'FACULTY'")
			.param("p", person("fac001")).update();
		try {
			assertThat(permissionsOf("fac001")).doesNotContain("messaging:delivery:read");
		}
		finally {
			jdbc.sql("update identity_affiliation set status = 'ACTIVE' where person_id = :p and type = 'FACULTY'")
				.param("p", person("fac001")).update();
			delete(admin, "/api/v1/identity/roles/" + role + "/affiliations/FACULTY");
		}
		assertThat(permissionsOf("fac001")).doesNotContain("messaging:delivery:read");
	}

	@Test
	void aRoleGrantedToAPersonWithAScopeIsExplainedAndRevoked() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String role = newRole(admin, "identity:org:read");
		UUID stu001 = person("stu001");
		UUID cs = jdbc.sql("select id from identity_org_unit where code = 'CS'").query(UUID.class).single();
		Response granted = admin.postJson("/api/v1/identity/roles/" + role + "/people",
				"{\"personId\":\"%s\",\"scopeOrgUnitId\":\"%s\"}".formatted(stu001, cs));
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);
		assertThat(admin.get("/api/v1/identity/roles/" + role + "/people").body()).contains("stu001");
		assertThat(permissionsOf("stu001")).contains("identity:org:read");
		JsonNode reasons = reasonsFor(admin.get("/api/v1/identity/people/" + stu001 + "/access").json(), "identity:org:read");
		assertThat(reasons.get(0).get("via").asString()).isEqualTo("DIRECT");
		assertThat(reasons.get(0).get("scopeOrgUnitCode").asString()).isEqualTo("CS");

		assertThat(delete(admin, "/api/v1/identity/roles/" + role + "/people/" + stu001).status()).isEqualTo(204);
		assertThat(permissionsOf("stu001")).doesNotContain("identity:org:read");
		ProblemAssertions.assertProblem(delete(admin, "/api/v1/identity/roles/" + role + "/people/" + stu001), 404,
				"resource.not-found");
	}

	@Test
	void rolesAreListedCreatedGivenKnownPermissionsAndOnlyCustomOnesDeleted() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		assertThat(admin.get("/api/v1/identity/roles/permissions").body()).contains("identity:role:manage", "kernel:audit:read");
		String role = newRole(admin, "kernel:audit:read");
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/roles",
				"{\"code\":\"%s\",\"name\":\"重复\",\"nameEn\":\"Again\"}".formatted(role)), 409, "identity.role.code-taken");
		ProblemAssertions.assertProblem(admin.putJson("/api/v1/identity/roles/" + role + "/permissions",
				"{\"permissions\":[\"kernel:audit:read\",\"made:up:thing\"]}"), 422, "request.validation");
		assertThat(jdbc.sql("select permission from identity_role_permission where role_code = :r").param("r", role)
			.query(String.class).list()).containsExactly("kernel:audit:read");
		ProblemAssertions.assertProblem(admin.putJson("/api/v1/identity/roles/PLATFORM_ADMIN/permissions",
				"{\"permissions\":[\"kernel:audit:read\"]}"), 409, "identity.role.lockout");
		ProblemAssertions.assertProblem(delete(admin, "/api/v1/identity/roles/MEMBER"), 409, "identity.role.built-in");

		Response listed = admin.get("/api/v1/identity/roles");
		assertThat(listed.body()).contains(role, "PLATFORM_ADMIN", "identity:role:manage");
		assertThat(delete(admin, "/api/v1/identity/roles/" + role).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/identity/roles").body()).doesNotContain(role);

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/roles"), 403, "auth.forbidden");
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/people/" + person("stu001") + "/access"), 403,
				"auth.forbidden");
	}

	@Test
	void theAccessAnswerSaysWhetherAPersonMayUseAnAppAndWhyNot() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String code = "grades-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("""
				insert into identity_sso_app (id, code, name, owner_org_code, protocol, allowed_affiliations)
				values (:id, :code, '成绩系统', 'ITC', 'OIDC', '["FACULTY"]'::jsonb)""")
			.param("id", UUID.randomUUID()).param("code", code).update();

		JsonNode faculty = admin.get("/api/v1/identity/people/" + person("fac001") + "/access?app=" + code).json().get("app");
		assertThat(faculty.get("allowed").asBoolean()).isTrue();
		assertThat(faculty.get("matchingAffiliations").get(0).asString()).isEqualTo("FACULTY");
		JsonNode student = admin.get("/api/v1/identity/people/" + person("stu001") + "/access?app=" + code).json().get("app");
		assertThat(student.get("allowed").asBoolean()).isFalse();
		assertThat(student.get("refusals").get(0).asString()).isEqualTo("affiliation-not-allowed");

		jdbc.sql("update identity_sso_app set enabled = false where code = :c").param("c", code).update();
		JsonNode disabled = admin.get("/api/v1/identity/people/" + person("fac001") + "/access?app=" + code).json().get("app");
		assertThat(disabled.get("allowed").asBoolean()).isFalse();
		assertThat(disabled.get("refusals").get(0).asString()).isEqualTo("app-disabled");
		ProblemAssertions.assertProblem(admin.get("/api/v1/identity/people/" + person("fac001") + "/access?app=nope"), 404,
				"resource.not-found");
	}

	private static Response delete(ApiClient client, String path) {
		return client.send("DELETE", path, null, HttpRequest.BodyPublishers.noBody());
	}

	private String newRole(ApiClient admin, String permission) {
		String code = "R_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Response created = admin.postJson("/api/v1/identity/roles",
				"{\"code\":\"%s\",\"name\":\"测试角色\",\"nameEn\":\"Test role\"}".formatted(code));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Response set = admin.putJson("/api/v1/identity/roles/" + code + "/permissions",
				"{\"permissions\":[\"%s\"]}".formatted(permission));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		return code;
	}

	private List<String> permissionsOf(String username) {
		List<String> permissions = new ArrayList<>();
		new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD).get("/api/v1/me").json().get("permissions")
			.forEach(p -> permissions.add(p.asString()));
		return permissions;
	}

	private JsonNode reasonsFor(JsonNode access, String permission) {
		for (JsonNode p : access.get("permissions")) {
			if (p.get("permission").asString().equals(permission)) {
				return p.get("reasons");
			}
		}
		return null;
	}

	private UUID person(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}
}
