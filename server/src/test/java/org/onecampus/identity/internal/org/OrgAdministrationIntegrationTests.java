package org.onecampus.identity.internal.org;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.DepartmentAdministrators;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The org unit and position forms of the admin pages: field errors, closing rules, subtree scope, audit. */
@IntegrationTest
class OrgAdministrationIntegrationTests {

	private static final String UNITS = "/api/v1/identity/org-units";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	String code;

	@BeforeEach
	void signIn() {
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		code = "OA" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
	}

	@Test
	void aNewUnitWithBadFieldsIsRefusedWithAnErrorOnEachField() {
		Response refused = admin.postJson(UNITS, """
				{"code":"有空格 code","name":"","type":"GUILD","parentId":"%s","sortOrder":-1}""".formatted(unit("CS")));

		ProblemAssertions.assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()))
			.containsExactlyInAnyOrder("code", "name", "type", "sortOrder");

		Response endBeforeStart = admin.postJson(UNITS, """
				{"code":"%s","name":"倒序","type":"OFFICE","parentId":"%s","validFrom":"2026-03-01","validTo":"2026-01-01"}"""
			.formatted(code, unit("CS")));
		ProblemAssertions.assertProblem(endBeforeStart, 422, "request.validation");
		assertThat(endBeforeStart.json().get("errors").get(0).get("field").asString()).isEqualTo("validTo");
	}

	@Test
	void aUnitKeepsItsSortOrderAndDatesAndTheirChangesAreAudited() {
		Response created = admin.postJson(UNITS, """
				{"code":"%s","name":"档案馆","nameEn":"Archives","type":"OFFICE","parentId":"%s","validFrom":"2026-01-01","sortOrder":30}"""
			.formatted(code, unit("U")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("sortOrder").asInt()).isEqualTo(30);
		String id = created.json().get("id").asString();

		Response changed = admin.putJson(UNITS + "/" + id, """
				{"name":"档案馆","nameEn":"University Archives","type":"OFFICE","validFrom":"2025-09-01","sortOrder":5}""");

		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("validFrom").asString()).isEqualTo("2025-09-01");
		assertThat(changed.json().get("sortOrder").asInt()).isEqualTo(5);
		assertThat(changed.json().get("parentId").asString()).isEqualTo(unit("U").toString());
		assertThat(audited("identity.org-unit.created", "org-unit:" + code)).isEqualTo(1);
		assertThat(audited("identity.org-unit.changed", "org-unit:" + code)).isEqualTo(1);
	}

	@Test
	void aUnitWithACurrentMemberOrPositionHolderCannotBeClosed() {
		UUID id = UUID.fromString(admin.postJson(UNITS, """
				{"code":"%s","name":"在用","type":"OFFICE","parentId":"%s"}""".formatted(code, unit("CS"))).json().get("id").asString());
		UUID fac001 = jdbc.sql("select person_id from identity_account where username = 'fac001'").query(UUID.class).single();
		Response assigned = admin.postJson(UNITS + "/" + id + "/positions", """
				{"personId":"%s","kind":"HEAD","startDate":"2026-01-01"}""".formatted(fac001));
		assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
		assertThat(audited("identity.position.assigned", "person:" + fac001)).isPositive();

		ProblemAssertions.assertProblem(admin.postJson(UNITS + "/" + id + "/closure", "{}"), 409, "identity.org-unit-in-use");

		String position = assigned.json().get("id").asString();
		assertThat(admin.postJson(UNITS + "/" + id + "/positions/" + position + "/ending", "{}").status()).isEqualTo(204);
		Response closed = admin.postJson(UNITS + "/" + id + "/closure", "{}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(audited("identity.org-unit.closed", "org-unit:" + code)).isEqualTo(1);
	}

	@Test
	void aPositionEndingBeforeItStartsIsAFieldError() {
		UUID fac001 = jdbc.sql("select person_id from identity_account where username = 'fac001'").query(UUID.class).single();
		Response refused = admin.postJson(UNITS + "/" + unit("ITC") + "/positions", """
				{"personId":"%s","kind":"OFFICE_STAFF","startDate":"2026-05-01","endDate":"2026-04-01"}""".formatted(fac001));

		ProblemAssertions.assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("endDate");
	}

	@Test
	void aCollegeAdministratorCannotCreateMoveOrCloseUnitsOutsideTheirCollege() {
		ApiClient scoped = new ApiClient(port).signIn(DepartmentAdministrators.peopleAdmin(jdbc, "CS", code), IntegrationTest.DEMO_PASSWORD);
		assertThat(scoped.get(UNITS).json().get(0).get("code").asString()).isEqualTo("CS");

		ProblemAssertions.assertProblem(scoped.postJson(UNITS, """
				{"code":"%s","name":"越界","type":"OFFICE","parentId":"%s"}""".formatted(code, unit("ITC"))), 404, "resource.not-found");
		ProblemAssertions.assertProblem(scoped.postJson(UNITS + "/" + unit("ITC") + "/closure", "{}"), 404, "resource.not-found");
		Response inside = scoped.postJson(UNITS, """
				{"code":"%s","name":"院内","type":"RESEARCH_GROUP","parentId":"%s"}""".formatted(code, unit("CS")));
		assertThat(inside.status()).as(inside.body()).isEqualTo(201);
		ProblemAssertions.assertProblem(scoped.putJson(UNITS + "/" + inside.json().get("id").asString(), """
				{"name":"院内","type":"RESEARCH_GROUP","parentId":"%s"}""".formatted(unit("ITC"))), 404, "resource.not-found");
		ProblemAssertions.assertProblem(scoped.postJson(UNITS + "/" + unit("ITC") + "/positions", """
				{"personId":"%s","kind":"HEAD"}""".formatted(UUID.randomUUID())), 404, "resource.not-found");

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.postJson(UNITS, """
				{"code":"%s","name":"学生","type":"OFFICE","parentId":"%s"}""".formatted(code, unit("CS"))), 403, "auth.forbidden");
	}

	private UUID unit(String unitCode) {
		return jdbc.sql("select id from identity_org_unit where code = :c").param("c", unitCode).query(UUID.class).single();
	}

	private long audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and target = :t").param("a", action)
			.param("t", target).query(Long.class).single();
	}
}
