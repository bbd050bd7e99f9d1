package org.onecampus.identity.internal.people;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
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
class PeopleAdministrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdCards idCards;

	PeopleFixtures fixtures;

	ApiClient admin;

	@BeforeEach
	void signIn() {
		fixtures = new PeopleFixtures(jdbc);
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
	}

	@Test
	void anAdministratorFindsAStudentByEveryIdentifier() {
		UUID stu001 = fixtures.personOf("stu001");
		var row = jdbc.sql("""
				select p.phone, p.email, p.id_card_cipher, a.identifier from identity_person p
				join identity_affiliation a on a.person_id = p.id where p.id = :id and a.is_primary""")
			.param("id", stu001).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2),
					idCards.open(rs.getString(3)), rs.getString(4) }).single();
		for (String q : new String[] { "stu001", row[0], row[1].toUpperCase(), row[2], row[3].toLowerCase() }) {
			Response found = admin.get("/api/v1/identity/people?q=" + q);
			assertThat(found.status()).as(q).isEqualTo(200);
			assertThat(found.json().get("items").valueStream().map(i -> i.get("id").asString())).as(q)
				.contains(stu001.toString());
		}
		Response byIdCard = admin.get("/api/v1/identity/people?idCard=" + row[2]);
		assertThat(byIdCard.json().get("total").asLong()).isEqualTo(1);
		assertThat(byIdCard.json().get("items").get(0).get("idCardMasked").asString()).doesNotContain(row[2].substring(6, 14));
	}

	@Test
	void theListFiltersByAffiliationTypeAndOrgUnitWithItsSubUnits() {
		Response phd = admin.get("/api/v1/identity/people?affiliationType=FACULTY&orgUnitId=" + fixtures.orgUnit("CS") + "&size=100");
		assertThat(phd.json().get("total").asLong()).isGreaterThan(0);
		assertThat(phd.json().get("items").valueStream().map(i -> i.get("id").asString()))
			.contains(fixtures.personOf("fac001").toString()).doesNotContain(fixtures.personOf("intl001").toString());
		ProblemAssertions.assertProblem(admin.get("/api/v1/identity/people?affiliationType=ALIEN"), 422, "request.validation");
	}

	@Test
	void theDetailShowsAffiliationsPositionsAccountAndRolesWithTheIdCardMasked() {
		Response detail = admin.get("/api/v1/identity/people/" + fixtures.personOf("cou001"));
		assertThat(detail.status()).isEqualTo(200);
		var person = detail.json();
		assertThat(person.get("affiliations").size()).isGreaterThan(0);
		assertThat(person.get("positions").valueStream().map(p -> p.get("kind").asString())).contains("COUNSELLOR");
		assertThat(person.get("account").get("username").asString()).isEqualTo("cou001");
		assertThat(person.get("roles").valueStream().map(r -> r.get("code").asString())).contains("MEMBER");
		assertThat(person.get("idCardMasked").asString()).contains("*");
		assertThat(person.has("idCard")).isFalse();
	}

	@Test
	void revealingAnIdCardNeedsItsOwnPermissionAndIsAudited() {
		UUID person = fixtures.personOf("fac001");
		long before = fixtures.audited("identity.person.id-card-revealed", "person:" + person);
		Response revealed = admin.get("/api/v1/identity/people/" + person + "/id-card");
		assertThat(revealed.status()).isEqualTo(200);
		assertThat(idCards.digest(revealed.json().get("idCard").asString())).isEqualTo(jdbc
			.sql("select id_card_digest from identity_person where id = :id").param("id", person).query(String.class).single());
		assertThat(fixtures.audited("identity.person.id-card-revealed", "person:" + person)).isEqualTo(before + 1);

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/people/" + person + "/id-card"), 403, "auth.forbidden");
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/people?q=fac001"), 403, "auth.forbidden");
	}

	@Test
	void aContractorNeedsAnEndDateAndAWellFormedIdCard() {
		String body = """
				{"name":"外聘甲","idCard":"110101199003071234","affiliation":{"type":"CONTRACTOR","orgUnitId":"%s","startDate":"2026-01-01"}}"""
			.formatted(fixtures.orgUnit("ITC"));
		Response refused = admin.postJson("/api/v1/identity/people", body);
		ProblemAssertions.assertProblem(refused, 422, "request.validation");
		assertThat(refused.body()).contains("idCard");
		long people = jdbc.sql("select count(*) from identity_person where name = '外聘甲'").query(Long.class).single();
		assertThat(people).isZero();

		Response noEnd = admin.postJson("/api/v1/identity/people", body.replace("110101199003071234", ""));
		ProblemAssertions.assertProblem(noEnd, 422, "request.validation");
		assertThat(noEnd.json().get("errors").get(0).get("field").asString()).isEqualTo("endDate");
		assertThat(jdbc.sql("select count(*) from identity_person where name = '外聘甲'").query(Long.class).single()).isZero();
	}

	@Test
	void anAdministratorRegistersAPersonWhoIsThenFoundAndAudited() {
		String identifier = "C" + UUID.randomUUID().toString().substring(0, 8);
		String body = """
				{"name":"外聘乙","phone":"13900001111","affiliation":{"type":"CONTRACTOR","identifier":"%s","orgUnitId":"%s",
				 "startDate":"2026-01-01","endDate":"2027-06-30","primary":true}}""".formatted(identifier, fixtures.orgUnit("ITC"));
		Response created = admin.postJson("/api/v1/identity/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith("/api/v1/identity/people/" + id);
		assertThat(created.json().get("affiliations").get(0).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(admin.get("/api/v1/identity/people?q=" + identifier).json().get("total").asLong()).isEqualTo(1);
		assertThat(fixtures.audited("identity.person.created", "person:" + id)).isEqualTo(1);
		assertThat(fixtures.published(UUID.fromString(id))).isEqualTo(1);

		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/people", body), 409, "identity.identifier-taken");
	}

	@Test
	void editingAPersonAuditsTheChangedFieldsOnly() {
		PeopleFixtures.Built person = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		Response changed = admin.putJson("/api/v1/identity/people/" + person.personId(),
				"{\"name\":\"改名后\",\"phone\":\"13800002222\",\"idCard\":\"11010519491231002X\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("改名后");
		assertThat(changed.json().get("idCardMasked").asString()).startsWith("1101").contains("*");
		String details = jdbc.sql("select details from kernel_audit_event where action = 'identity.person.changed' and target = :t")
			.param("t", "person:" + person.personId()).query(String.class).single();
		assertThat(details).contains("name", "phone", "idCard").doesNotContain("改名后", "13800002222", "11010519491231002X");
	}

	@Test
	void leavingEndsTheAffiliationForGoodDisablesTheAccountAndIsPublished() {
		PeopleFixtures.Built person = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		String path = "/api/v1/identity/people/" + person.personId() + "/affiliations/" + person.affiliationId();
		String form = """
				{"type":"STAFF","identifier":"%s","orgUnitId":"%s","status":"%s","startDate":"2020-09-01","primary":true}""";
		Response left = admin.putJson(path, form.formatted(person.identifier(), fixtures.orgUnit("ITC"), "LEFT"));
		assertThat(left.status()).as(left.body()).isEqualTo(200);
		assertThat(left.json().get("affiliations").get(0).get("endDate").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(fixtures.enabled(person.username())).isFalse();
		assertThat(fixtures.published(person.personId())).isEqualTo(1);

		Response back = admin.putJson(path, form.formatted(person.identifier(), fixtures.orgUnit("ITC"), "ACTIVE"));
		ProblemAssertions.assertProblem(back, 409, "identity.affiliation-transition");
		assertThat(fixtures.status(person.affiliationId())).isEqualTo("LEFT");
	}

	@Test
	void aDepartmentAdministratorManagesOnlyTheirSubtree() {
		PeopleFixtures.Built csAdmin = fixtures.personWithAccount("STAFF", "CS", "ACTIVE", null);
		fixtures.grant(csAdmin.username(), "PEOPLE_ADMIN", "CS");
		ApiClient scoped = new ApiClient(port).signIn(csAdmin.username(), IntegrationTest.DEMO_PASSWORD);

		assertThat(scoped.get("/api/v1/identity/people?q=stu001").json().get("total").asLong()).isEqualTo(1);
		assertThat(scoped.get("/api/v1/identity/people?q=intl001").json().get("total").asLong()).isZero();
		UUID intl001 = fixtures.personOf("intl001");
		ProblemAssertions.assertProblem(scoped.get("/api/v1/identity/people/" + intl001), 404, "resource.not-found");
		ProblemAssertions.assertProblem(scoped.putJson("/api/v1/identity/people/" + intl001, "{\"name\":\"篡改\"}"), 404,
				"resource.not-found");
		String newPerson = """
				{"name":"新访客","affiliation":{"type":"VISITOR","orgUnitId":"%s","startDate":"2026-01-01","endDate":"2026-12-31"}}""";
		ProblemAssertions.assertProblem(scoped.postJson("/api/v1/identity/people", newPerson.formatted(fixtures.orgUnit("INTL"))),
				404, "resource.not-found");
		assertThat(scoped.postJson("/api/v1/identity/people", newPerson.formatted(fixtures.orgUnit("CS"))).status())
			.isEqualTo(201);
		assertThat(jdbc.sql("select name from identity_person where id = :id").param("id", intl001).query(String.class)
			.single()).isNotEqualTo("篡改");
	}
}
