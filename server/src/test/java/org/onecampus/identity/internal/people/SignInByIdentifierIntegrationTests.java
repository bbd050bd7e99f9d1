package org.onecampus.identity.internal.people;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in through {@code POST /login} with a 学号/工号, phone or e-mail instead of the username. */
@IntegrationTest
class SignInByIdentifierIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSignsInWithTheirIdentifierPhoneOrEmail() {
		PeopleFixtures fixtures = new PeopleFixtures(jdbc);
		PeopleFixtures.Built person = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		jdbc.sql("update identity_person set phone = :phone where id = :id")
			.param("phone", "1990" + person.identifier().substring(1, 8).replaceAll("[^0-9]", "7")).param("id", person.personId())
			.update();
		String phone = jdbc.sql("select phone from identity_person where id = :id").param("id", person.personId())
			.query(String.class).single();
		for (String login : new String[] { person.identifier().toLowerCase(), phone,
				person.username().substring(1) + "@FIXTURE.test" }) {
			ApiClient browser = new ApiClient(port).from("192.0.2.61").header("User-Agent", "Identifier-Browser/1.0");
			Response signIn = browser.postForm("/login", Map.of("username", login, "password", IntegrationTest.DEMO_PASSWORD));
			assertThat(signIn.status()).as(login).isEqualTo(200);
			assertThat(browser.get("/api/v1/me").json().get("username").asString()).isEqualTo(person.username());
			// The session notes where it signed in from whichever identifier was typed.
			var session = browser.get("/api/v1/identity/account/sessions").json().valueStream()
				.filter(s -> s.get("current").asBoolean()).findFirst().orElseThrow();
			assertThat(session.get("ip").asString()).as(login).isEqualTo("192.0.2.61");
			assertThat(session.get("userAgent").asString()).as(login).isEqualTo("Identifier-Browser/1.0");
		}
	}

	@Test
	void anIdentifierOfSeveralAccountsOrOfADisabledOneIsBadCredentials() {
		PeopleFixtures fixtures = new PeopleFixtures(jdbc);
		PeopleFixtures.Built first = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		PeopleFixtures.Built second = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		String shared = "1880" + first.identifier().substring(1, 8).replaceAll("[^0-9]", "3");
		jdbc.sql("update identity_person set phone = :phone where id in (:a, :b)").param("phone", shared)
			.param("a", first.personId()).param("b", second.personId()).update();
		PeopleFixtures.Built disabled = fixtures.personWithAccount("STAFF", "ITC", "ACTIVE", null);
		jdbc.sql("update identity_account set enabled = false where username = :u").param("u", disabled.username()).update();

		for (String login : new String[] { shared, disabled.identifier() }) {
			Response refused = new ApiClient(port).postForm("/login",
					Map.of("username", login, "password", IntegrationTest.DEMO_PASSWORD));
			ProblemAssertions.assertProblem(refused, 401, "auth.bad-credentials");
		}
		Response wrongPassword = new ApiClient(port).postForm("/login",
				Map.of("username", first.identifier(), "password", "wrong-password"));
		ProblemAssertions.assertProblem(wrongPassword, 401, "auth.bad-credentials");
	}
}
