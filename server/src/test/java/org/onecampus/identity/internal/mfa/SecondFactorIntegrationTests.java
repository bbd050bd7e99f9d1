package org.onecampus.identity.internal.mfa;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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

@IntegrationTest
class SecondFactorIntegrationTests {

	static final String MFA = "/api/v1/identity/account/mfa";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonEnrolsAnAuthenticatorAndThenSignsInWithASecondStep() {
		String username = someone(40);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);

		Response enrolment = browser.postJson(MFA + "/totp", "");
		assertThat(enrolment.status()).isEqualTo(201);
		String secret = enrolment.json().get("secret").asString();
		URI otpauth = URI.create(enrolment.json().get("otpauthUri").asString());
		assertThat(otpauth.getScheme()).isEqualTo("otpauth");
		assertThat(otpauth.getHost()).isEqualTo("totp");
		assertThat(URLDecoder.decode(otpauth.getRawPath(), StandardCharsets.UTF_8)).endsWith(":" + username);
		assertThat(otpauth.getQuery()).contains("secret=" + secret, "digits=6", "period=30");
		String qr = enrolment.json().get("qrCode").asString();
		assertThat(qr).startsWith("data:image/svg+xml;base64,");
		assertThat(new String(Base64.getDecoder().decode(qr.substring(qr.indexOf(',') + 1)), StandardCharsets.UTF_8))
			.startsWith("<svg").contains("<path");
		assertThat(browser.get(MFA).json().get("totpEnabled").asBoolean()).isFalse();

		Response wrong = browser.postJson(MFA + "/totp/confirmation", "{\"code\":\"000000\"}");
		assertProblem(wrong, 422, "request.validation");
		Response confirmed = browser.postJson(MFA + "/totp/confirmation", "{\"code\":\"" + code(secret, 0) + "\"}");
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("recoveryCodes").size()).isEqualTo(10);
		String recoveryCode = confirmed.json().get("recoveryCodes").get(0).asString();
		assertThat(browser.get(MFA).json().get("totpEnabled").asBoolean()).isTrue();

		ApiClient later = new ApiClient(port);
		Response password = later.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(password.status()).isEqualTo(200);
		assertThat(password.json().has("mfaRequired")).as(password.body()).isTrue();
		assertThat(password.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(later.get("/api/v1/me").status()).isEqualTo(401);
		assertProblem(later.postForm("/login/mfa", Map.of("code", "123456")), 401, "auth.mfa-code-wrong");
		Response second = later.postForm("/login/mfa", Map.of("code", code(secret, 1)));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("redirect").asString()).isEqualTo("/");
		assertThat(later.get("/api/v1/me").status()).isEqualTo(200);

		ApiClient withRecovery = new ApiClient(port);
		withRecovery.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(withRecovery.postForm("/login/mfa", Map.of("code", recoveryCode.toLowerCase())).status()).isEqualTo(200);
		ApiClient reuse = new ApiClient(port);
		reuse.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		assertProblem(reuse.postForm("/login/mfa", Map.of("code", recoveryCode)), 401, "auth.mfa-code-wrong");

		assertThat(count("identity.mfa-enabled", username)).isEqualTo(1);
		assertThat(count("auth.mfa-passed", username)).isEqualTo(2);
		assertThat(count("auth.mfa-failed", username)).isEqualTo(2);
		assertThat(count("identity.mfa-recovery-code-used", username)).isEqualTo(1);
	}

	@Test
	void theSecondFactorIsTurnedOffOnlyWithACode() {
		String username = someone(41);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String secret = browser.postJson(MFA + "/totp", "").json().get("secret").asString();
		browser.postJson(MFA + "/totp/confirmation", "{\"code\":\"" + code(secret, 0) + "\"}");

		assertProblem(browser.postJson(MFA + "/totp/removal", "{\"code\":\"999999\"}"), 422, "request.validation");
		assertThat(browser.postJson(MFA + "/totp/removal", "{\"code\":\"" + code(secret, 1) + "\"}").status()).isEqualTo(204);

		assertThat(browser.get(MFA).json().get("totpEnabled").asBoolean()).isFalse();
		Response signIn = new ApiClient(port).postForm("/login",
				Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.json().has("mfaRequired")).isFalse();
		assertThat(count("identity.mfa-disabled", username)).isEqualTo(1);
	}

	@Test
	void guessingCodesIsThrottledLikeGuessingPasswords() {
		String username = someone(42);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String secret = browser.postJson(MFA + "/totp", "").json().get("secret").asString();
		browser.postJson(MFA + "/totp/confirmation", "{\"code\":\"" + code(secret, 0) + "\"}");

		ApiClient attacker = new ApiClient(port).from("192.0.2.42");
		attacker.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		int status = 0;
		for (int i = 0; i < 10 && status != 429; i++) {
			status = attacker.postForm("/login/mfa", Map.of("code", String.format("%06d", i))).status();
		}

		assertThat(status).isEqualTo(429);
		assertProblem(attacker.postForm("/login/mfa", Map.of("code", code(secret, 1))), 429, "auth.too-many-attempts");
	}

	@Test
	void theSecondStepWithoutAPasswordFirstIsRefused() {
		assertProblem(new ApiClient(port).postForm("/login/mfa", Map.of("code", "123456")), 401,
				"auth.mfa-no-pending-sign-in");
	}

	private static String code(String secret, int stepsAhead) {
		return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepsAhead, 6);
	}

	private long count(String action, String username) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and actor = :u").param("a", action)
			.param("u", username).query(Long.class).single();
	}

	private String someone(int n) {
		return DemoPersons.nth(jdbc, n);
	}
}
