package org.onecampus.identity.internal.org;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrgUnitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTreeLoadsOneLevelAtATime() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response roots = admin.get("/api/v1/identity/org-units");
		assertThat(roots.json().get(0).get("code").asString()).isEqualTo("U");
		assertThat(roots.json().get(0).get("hasChildren").asBoolean()).isTrue();
		Response children = admin.get("/api/v1/identity/org-units?parentId=" + roots.json().get(0).get("id").asString());
		assertThat(children.json().size()).isGreaterThan(1);
	}

	@Test
	void aUnitIsCreatedRenamedMovedAndClosedButNeverMovedBelowItself() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String code = "RG" + UUID.randomUUID().toString().substring(0, 6);
		Response created = admin.postJson("/api/v1/identity/org-units", """
				{"code":"%s","name":"量子计算课题组","type":"RESEARCH_GROUP","parentId":"%s"}""".formatted(code, unit("CS")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/org-units", """
				{"code":"%s","name":"重复","type":"RESEARCH_GROUP","parentId":"%s"}""".formatted(code, unit("CS"))), 409,
				"identity.org-unit-code-taken");

		Response moved = admin.putJson("/api/v1/identity/org-units/" + id, """
				{"name":"量子信息课题组","type":"RESEARCH_GROUP","parentId":"%s"}""".formatted(unit("ITC")));
		assertThat(moved.json().get("parentId").asString()).isEqualTo(unit("ITC").toString());
		assertThat(moved.json().get("name").asString()).isEqualTo("量子信息课题组");
		ProblemAssertions.assertProblem(admin.putJson("/api/v1/identity/org-units/" + unit("CS"), """
				{"name":"计算机学院","type":"COLLEGE","parentId":"%s"}""".formatted(unit("CS"))), 409, "identity.org-unit-cycle");
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/org-units/" + unit("CS") + "/closure", "{}"), 409,
				"identity.org-unit-open-children");

		Response closed = admin.postJson("/api/v1/identity/org-units/" + id + "/closure", "{}");
		assertThat(closed.json().get("validTo").asString()).isNotBlank();
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where target = :t").param("t", "org-unit:" + code)
			.query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aPositionIsAssignedAndEndedAndAStudentMayNotChangeTheTree() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		UUID fac001 = jdbc.sql("select person_id from identity_account where username = 'fac001'").query(UUID.class).single();
		Response assigned = admin.postJson("/api/v1/identity/org-units/" + unit("ITC") + "/positions",
				"{\"personId\":\"%s\",\"kind\":\"OFFICE_STAFF\"}".formatted(fac001));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		String position = assigned.json().get("id").asString();
		assertThat(admin.get("/api/v1/identity/org-units/" + unit("ITC") + "/positions").body()).contains(position);
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/org-units/" + unit("ITC") + "/positions",
				"{\"personId\":\"%s\",\"kind\":\"SUPERVISOR\"}".formatted(fac001)), 422, "request.validation");

		assertThat(admin.postJson("/api/v1/identity/org-units/" + unit("ITC") + "/positions/" + position + "/ending", "{}")
			.status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/identity/org-units/" + unit("ITC") + "/positions").body()).doesNotContain(position);

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/org-units"), 403, "auth.forbidden");
	}

	private UUID unit(String code) {
		return jdbc.sql("select id from identity_org_unit where code = :c").param("c", code).query(UUID.class).single();
	}
}
