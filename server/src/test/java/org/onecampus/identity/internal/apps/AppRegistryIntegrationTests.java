package org.onecampus.identity.internal.apps;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The app registry API: administrators only, validated field by field, audited, in step with the clients. */
@IntegrationTest
class AppRegistryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoProfileRegistersTheCasServiceAndBothOidcClientsWithHashedSecrets() {
		Response list = admin().get("/api/v1/identity/apps");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("\"demo-cas\"", "\"demo-app\"", "\"demo-system\"", "http://localhost:9999/.*");
		String secret = jdbc.sql("select client_secret from oauth2_registered_client where client_id = 'demo-app'")
			.query(String.class).single();
		assertThat(secret).startsWith("{hmac-sha256}").doesNotContain("demo-app-secret");
	}

	@Test
	void anOidcAppGetsAGeneratedSecretOnceAndARegisteredClient() {
		Response created = admin().postJson("/api/v1/identity/apps", """
				{"code":"library","name":"图书馆","nameEn":"Library","ownerOrgCode":"ITC","protocol":"OIDC",
				 "redirectUris":["https://library.example.edu/callback"],"grantTypes":["authorization_code"],
				 "scopes":["openid","profile"],"releasedAttributes":["name"],"allowedAffiliations":["FACULTY"],
				 "requiresSecondFactor":true}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("location")).contains("/api/v1/identity/apps/");
		assertThat(created.json().get("clientSecret").asString()).hasSizeGreaterThan(30);
		assertThat(created.json().at("/app/requiresSecondFactor").asBoolean()).isTrue();
		assertThat(jdbc.sql("select redirect_uris from oauth2_registered_client where client_id = 'library'")
			.query(String.class).single()).isEqualTo("https://library.example.edu/callback");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'sso.app.registered' and target = 'app:library'")
			.query(Long.class).single()).isEqualTo(1);

		String id = created.json().at("/app/id").asString();
		assertThat(admin().send("DELETE", "/api/v1/identity/apps/" + id, null,
				java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from oauth2_registered_client where client_id = 'library'")
			.query(Long.class).single()).isZero();
	}

	@Test
	void anInvalidAppIsRefusedFieldByFieldAndNothingIsStored() {
		Response response = admin().postJson("/api/v1/identity/apps", """
				{"code":"broken","name":"坏应用","ownerOrgCode":"NOPE","protocol":"CAS",
				 "servicePatterns":["http://x/(("],"releasedAttributes":["password"]}""");
		ProblemAssertions.assertProblem(response, 422, "request.validation");
		assertThat(response.body()).contains("ownerOrgCode", "servicePatterns[0]", "releasedAttributes");
		assertThat(jdbc.sql("select count(*) from identity_sso_app where code = 'broken'").query(Long.class).single()).isZero();
	}

	@Test
	void aTakenCodeIsAConflict() {
		Response response = admin().postJson("/api/v1/identity/apps", """
				{"code":"demo-cas","name":"重复","ownerOrgCode":"ITC","protocol":"CAS","servicePatterns":["https://a.example/.*"]}""");
		ProblemAssertions.assertProblem(response, 409, "sso.app.code-taken");
	}

	@Test
	void onlyPlatformAdministratorsManageApps() {
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(student.get("/api/v1/identity/apps"), 403, "auth.forbidden");
	}

	@Test
	void aCasAppForFacultyOnlyGivesNoTicketToAStudent() {
		admin().postJson("/api/v1/identity/apps", """
				{"code":"grades","name":"成绩录入","ownerOrgCode":"ITC","protocol":"CAS",
				 "servicePatterns":["https://grades\\\\.example\\\\.edu/.*"],"allowedAffiliations":["FACULTY"]}""");
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		Response refused = student.get("/cas/login?service=https%3A%2F%2Fgrades.example.edu%2Fenter");
		ProblemAssertions.assertProblem(refused, 403, "sso.app.affiliation-not-allowed");
		ApiClient faculty = new ApiClient(port).signIn("fac001", IntegrationTest.DEMO_PASSWORD);
		assertThat(faculty.get("/cas/login?service=https%3A%2F%2Fgrades.example.edu%2Fenter", "text/html").header("location"))
			.startsWith("https://grades.example.edu/enter?ticket=ST-");
	}

	private ApiClient admin() {
		return new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
	}
}
