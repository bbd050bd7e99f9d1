package org.onecampus.identity.internal.directory;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** The campus directory behind the person and org pickers of forms: open to members, phone-book fields only. */
@IntegrationTest
class DirectoryIntegrationTests {

	static final String PEOPLE = "/api/v1/identity/directory/people";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	String nameOf(String username) {
		return jdbc.sql("""
				select p.name from identity_person p join identity_account a on a.person_id = p.id where a.username = :u""")
			.param("u", username)
			.query(String.class)
			.single();
	}

	@Test
	void aStudentFindsTheirCounsellorByNameAndSeesNoContactOrIdentityData() {
		String name = nameOf("cou001");

		Response found = as("stu001").get(PEOPLE + "?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));

		assertThat(found.status()).as(found.body()).isEqualTo(200);
		JsonNode first = found.json().get(0);
		assertThat(first.get("name").asString()).isEqualTo(name);
		assertThat(first.has("orgUnitName")).isTrue();
		assertThat(found.body()).doesNotContain("phone", "email", "idCard", "birth");
		Response one = as("stu001").get(PEOPLE + "/" + first.get("id").asString());
		assertThat(one.json().get("name").asString()).isEqualTo(name);
	}

	@Test
	void anExactStaffNumberFindsThePersonFirst() {
		String identifier = jdbc.sql("""
				select f.identifier from identity_affiliation f join identity_account a on a.person_id = f.person_id
				where a.username = 'head001' and f.identifier is not null limit 1""")
			.query(String.class)
			.single();

		Response found = as("visitor001").get(PEOPLE + "?q=" + identifier);

		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().get(0).get("identifier").asString()).isEqualTo(identifier);
	}

	@Test
	void visitorsAreNotListedAndWildcardsAreTakenLiterally() {
		String visitor = nameOf("visitor001");

		Response search = as("stu001").get(PEOPLE + "?q=" + java.net.URLEncoder.encode(visitor, java.nio.charset.StandardCharsets.UTF_8));
		Response wildcard = as("stu001").get(PEOPLE + "?q=%25");

		assertThat(search.json().findValuesAsString("affiliationType")).doesNotContain("VISITOR");
		assertThat(wildcard.status()).isEqualTo(200);
		assertThat(wildcard.json().size()).isZero();
	}

	@Test
	void theOrgTreeIsBrowsedLevelByLevel() {
		ApiClient student = as("stu001");
		JsonNode top = student.get("/api/v1/identity/directory/org-units").json();
		assertThat(top.size()).isPositive();
		JsonNode root = top.get(0);
		assertThat(root.get("hasChildren").asBoolean()).isTrue();

		JsonNode children = student.get("/api/v1/identity/directory/org-units?parentId=" + root.get("id").asString()).json();

		assertThat(children.size()).isPositive();
		assertThat(children.findValuesAsString("parentId")).containsOnly(root.get("id").asString());
		assertThat(student.get("/api/v1/identity/directory/org-units/" + children.get(0).get("id").asString()).json()
			.get("code").asString()).isEqualTo(children.get(0).get("code").asString());
	}

	@Test
	void signedOutCallersAndBadQueriesGetProblems() {
		assertThat(new ApiClient(port).get(PEOPLE + "?q=abc").status()).isEqualTo(401);
		assertProblem(as("stu001").get(PEOPLE + "?q="), 422, "request.validation");
		assertProblem(as("stu001").get(PEOPLE + "/00000000-0000-0000-0000-000000000000"), 404, "resource.not-found");
	}
}
