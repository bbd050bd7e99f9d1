package org.onecampus.identity.internal.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Each test signs in from its own documentation address (RFC 5737) through the loopback proxy, so
 * that the throttles of one test never reach another.
 */
@IntegrationTest
class SignInProtectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountIsRefusedWith429AndRetryAfterAfterRepeatedFailuresUntilAnAdministratorLiftsIt() {
		String username = someone(20);
		List<Integer> statuses = new ArrayList<>();
		Response last = null;
		for (int i = 0; i < 10 && (last == null || last.status() != 429); i++) {
			last = attempt("192.0.2.10", username, "wrong-" + i);
			statuses.add(last.status());
		}

		assertThat(statuses.subList(0, 5)).containsOnly(401);
		assertProblem(last, 429, "auth.too-many-attempts");
		assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 900L);
		assertThat(last.json().get("detail").asString()).contains("秒后再试");

		ApiClient officer = new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD);
		var throttle = officer.get("/api/v1/identity/throttles").json().valueStream()
			.filter(t -> t.get("kind").asString().equals("ACCOUNT") && t.get("key").asString().equals(username))
			.findFirst().orElseThrow();
		assertThat(officer.send("DELETE", "/api/v1/identity/throttles/" + throttle.get("id").asString(), null,
				java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertThat(attempt("192.0.2.10", username, IntegrationTest.DEMO_PASSWORD).status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.throttle-lifted' and actor = 'it001' and target = :t")
			.param("t", "throttle:ACCOUNT:" + username).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anUnknownAccountGetsTheSameAnswerAndTakesAsLongAsAWrongPassword() {
		String username = someone(21);
		attempt("192.0.2.20", "warm-up", "x");
		long wrong = 0;
		long unknown = 0;
		for (int i = 0; i < 4; i++) {
			long start = System.nanoTime();
			Response wrongAnswer = attempt("192.0.2.21", username, "wrong-" + i);
			wrong += System.nanoTime() - start;
			start = System.nanoTime();
			Response unknownAnswer = attempt("192.0.2.22", "nobody-" + username, "wrong-" + i);
			unknown += System.nanoTime() - start;
			assertProblem(wrongAnswer, 401, "auth.bad-credentials");
			assertProblem(unknownAnswer, 401, "auth.bad-credentials");
			assertThat(unknownAnswer.json().get("detail")).isEqualTo(wrongAnswer.json().get("detail"));
		}
		// Both verify an Argon2id hash (a dummy one for the unknown login), so neither is much faster.
		assertThat((double) unknown / wrong).isBetween(0.5, 2.0);
		assertThat(attempt("192.0.2.22", "nobody-" + username, "x").status()).isEqualTo(401);
		assertThat(attempt("192.0.2.22", "nobody-" + username, "x").status()).isIn(401, 429);
		assertThat(attempt("192.0.2.22", "nobody-" + username, "x").status()).isEqualTo(429);
	}

	@Test
	void credentialStuffingFromOneAddressBlocksThatAddressButNotTheAccountsNorTheStudentsWhoSignedInThereBefore() {
		String resident = someone(22);
		String victim = someone(23);
		ApiClient residentDevice = new ApiClient(port).from("198.51.100.9");
		assertThat(residentDevice.postForm("/login", Map.of("username", resident, "password", IntegrationTest.DEMO_PASSWORD))
			.status()).isEqualTo(200);
		assertThat(residentDevice.cookie("ONECAMPUS_DEVICE")).isNotNull();

		for (int i = 0; i < 20; i++) {
			assertThat(attempt("198.51.100.9", "stuffed-" + i + "-" + victim, "Password1").status()).isEqualTo(401);
		}

		assertProblem(attempt("198.51.100.9", victim, IntegrationTest.DEMO_PASSWORD), 429, "auth.too-many-attempts");
		assertThat(attempt("198.51.101.9", victim, IntegrationTest.DEMO_PASSWORD).status()).isEqualTo(200);
		assertThat(residentDevice.postForm("/login", Map.of("username", resident, "password", IntegrationTest.DEMO_PASSWORD))
			.status()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'auth.credential-stuffing-detected' and target = 'source:198.51.100.9'")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select reason from identity_login_throttle where kind = 'SOURCE' and throttle_key = '198.51.100.9'")
			.query(String.class).single()).isEqualTo("CREDENTIAL_STUFFING");
	}

	@Test
	void onlyThrottleManagersSeeThrottles() {
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		assertProblem(student.get("/api/v1/identity/throttles"), 403, "auth.forbidden");
		assertProblem(student.send("DELETE", "/api/v1/identity/throttles/" + java.util.UUID.randomUUID(), null,
				java.net.http.HttpRequest.BodyPublishers.noBody()), 403, "auth.forbidden");
	}

	private Response attempt(String address, String username, String password) {
		return new ApiClient(port).from(address).postForm("/login", Map.of("username", username, "password", password));
	}

	private String someone(int n) {
		return DemoPersons.nth(jdbc, n);
	}
}
