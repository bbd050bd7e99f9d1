package org.onecampus.identity.internal.accounts;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

@IntegrationTest
class AccountSessionsIntegrationTests {

	static final String SESSIONS = "/api/v1/identity/account/sessions";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSeesTheirSessionsWithAddressAndBrowserAndEndsAnotherOne() {
		String username = someone(30);
		ApiClient laptop = new ApiClient(port).from("192.0.2.30").header("User-Agent", "Laptop-Browser/1.0")
			.signIn(username, IntegrationTest.DEMO_PASSWORD);
		ApiClient phone = new ApiClient(port).from("192.0.2.31").header("User-Agent", "Phone-Browser/2.0")
			.signIn(username, IntegrationTest.DEMO_PASSWORD);

		var sessions = laptop.get(SESSIONS).json();
		assertThat(sessions.size()).isEqualTo(2);
		var current = sessions.valueStream().filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
		var other = sessions.valueStream().filter(s -> !s.get("current").asBoolean()).findFirst().orElseThrow();
		assertThat(current.get("ip").asString()).isEqualTo("192.0.2.30");
		assertThat(current.get("userAgent").asString()).isEqualTo("Laptop-Browser/1.0");
		assertThat(other.get("ip").asString()).isEqualTo("192.0.2.31");

		assertThat(laptop.send("DELETE", SESSIONS + "/" + other.get("id").asString(), null, BodyPublishers.noBody())
			.status()).isEqualTo(204);

		assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(laptop.get(SESSIONS).json().size()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.session-ended' and actor = :u")
			.param("u", username).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void nobodyEndsSomeoneElsesSession() {
		ApiClient owner = new ApiClient(port).signIn(someone(31), IntegrationTest.DEMO_PASSWORD);
		String id = owner.get(SESSIONS).json().get(0).get("id").asString();
		ApiClient intruder = new ApiClient(port).signIn(someone(32), IntegrationTest.DEMO_PASSWORD);

		assertProblem(intruder.send("DELETE", SESSIONS + "/" + id, null, BodyPublishers.noBody()), 404, "resource.not-found");
		assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aPersonSeesTheirSignInHistoryIncludingFailures() {
		String username = someone(33);
		new ApiClient(port).from("192.0.2.33").postForm("/login", Map.of("username", username, "password", "wrong"));
		ApiClient browser = new ApiClient(port).from("192.0.2.34").signIn(username, IntegrationTest.DEMO_PASSWORD);

		var items = browser.get("/api/v1/identity/account/sign-ins").json().get("items");

		assertThat(items.get(0).get("action").asString()).isEqualTo("auth.sign-in");
		assertThat(items.get(0).get("ip").asString()).isEqualTo("192.0.2.34");
		assertThat(items.get(1).get("action").asString()).isEqualTo("auth.sign-in-failed");
		assertThat(items.get(1).get("reason").asString()).isEqualTo("bad-credentials");
	}

	@Test
	void administratorsSeeAndEndAPersonsSessionsAndMembersMayNot() {
		String username = someone(34);
		ApiClient person = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String personId = jdbc.sql("select person_id::text from identity_account where username = :u").param("u", username)
			.query(String.class).single();
		ApiClient officer = new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD);

		var sessions = officer.get("/api/v1/identity/people/" + personId + "/sessions").json();
		assertThat(sessions.size()).isEqualTo(1);
		assertThat(officer.send("DELETE", "/api/v1/identity/people/" + personId + "/sessions/" + sessions.get(0).get("id").asString(),
				null, BodyPublishers.noBody()).status()).isEqualTo(204);
		assertThat(person.get("/api/v1/me").status()).isEqualTo(401);
		assertProblem(new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD)
			.get("/api/v1/identity/people/" + personId + "/sessions"), 403, "auth.forbidden");
	}

	private String someone(int n) {
		return DemoPersons.nth(jdbc, n);
	}
}
