package org.onecampus.identity.internal;

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

@IntegrationTest
class SignInIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Test
	void aStudentSignsInReadsMeAndSignsOut() {
		ApiClient browser = new ApiClient(port);
		Response signIn = browser.postForm("/login", Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.json().get("redirect").asString()).isEqualTo("/");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);

		assertThat(browser.postForm("/logout", Map.of()).status()).isEqualTo(204);
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void theBrowserAppMaySendTheRawCookieValueAsTheToken() {
		ApiClient browser = new ApiClient(port).usingCookieCsrf().signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		assertThat(browser.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}").status()).isEqualTo(200);
	}

	/**
	 * Sign-in rotates the CSRF token; the answer already carries the new one, so the app's next change needs
	 * no {@code GET /api/v1/csrf} first.
	 */
	@Test
	void theSignInAnswerCarriesTheNewCsrfToken() {
		ApiClient browser = new ApiClient(port).usingCookieCsrf();
		browser.get("/api/v1/csrf");
		String before = browser.cookie("XSRF-TOKEN").getValue();
		Response signIn = browser.postForm("/login", Map.of("username", "cou001", "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.header("set-cookie")).containsPattern("XSRF-TOKEN=[^;,\\s]+");
		String after = browser.cookie("XSRF-TOKEN").getValue();
		assertThat(after).isNotEmpty().isNotEqualTo(before);
		assertThat(browser.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}").status()).isEqualTo(200);
		assertThat(browser.cookie("XSRF-TOKEN").getValue()).isEqualTo(after);
	}

	@Test
	void aForgedTokenIsRefusedAndChangesNothing() {
		ApiClient browser = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		browser.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}");
		Response forged = browser.csrfToken("forged-token").putJson("/api/v1/me/preferences", "{\"locale\":\"en-US\"}");
		ProblemAssertions.assertProblem(forged, 403, "csrf.invalid");
		assertThat(browser.get("/api/v1/me/preferences").json().get("locale").asString()).isEqualTo("zh-CN");
	}

	@Test
	void anApiCallMadeBeforeSignInIsNotWhereSignInLeads() {
		ApiClient browser = new ApiClient(port);
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
		Response signIn = browser.postForm("/login", Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.json().get("redirect").asString()).isEqualTo("/");
	}

	@Test
	void theAccountIsFoundByItsCaseInsensitiveUsernameThroughAnIndex() {
		// Sign-in, the device row, the SSO claims and recovery all look accounts up by lower(username).
		String plan = new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			return String.join("\n", jdbc.sql("explain select id from identity_account where lower(username) = lower(?)")
				.param("STU001").query(String.class).list());
		});
		assertThat(plan).contains("identity_account_username_lower_idx").doesNotContain("Seq Scan");
		Response signIn = new ApiClient(port).postForm("/login", Map.of("username", "STU001", "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.status()).isEqualTo(200);
	}

	@Test
	void signInAndSignOutAreAudited() {
		long before = count("auth.sign-in", "grad001") + count("auth.sign-out", "grad001");
		ApiClient browser = new ApiClient(port).signIn("grad001", IntegrationTest.DEMO_PASSWORD);
		browser.postForm("/logout", Map.of());
		assertThat(count("auth.sign-in", "grad001") + count("auth.sign-out", "grad001")).isEqualTo(before + 2);
		String ip = jdbc.sql("select ip from kernel_audit_event where actor = 'grad001' and action = 'auth.sign-in' order by id desc limit 1")
			.query(String.class).single();
		assertThat(ip).isIn("127.0.0.1", "::1");
	}

	@Test
	void aWrongPasswordIs401AndIsAudited() {
		long before = count("auth.sign-in-failed", "fac001");
		Response response = new ApiClient(port).postForm("/login", Map.of("username", "fac001", "password", "wrong"));
		ProblemAssertions.assertProblem(response, 401, "auth.bad-credentials");
		assertThat(response.json().get("title").asString()).isEqualTo("登录失败");
		assertThat(count("auth.sign-in-failed", "fac001")).isEqualTo(before + 1);
	}

	@Test
	void anUnknownAccountGetsTheSameAnswerAsAWrongPassword() {
		Response response = new ApiClient(port).postForm("/login", Map.of("username", "nobody-here", "password", "x"));
		ProblemAssertions.assertProblem(response, 401, "auth.bad-credentials");
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() {
		ApiClient browser = new ApiClient(port);
		Response response = browser.postFormWithoutCsrf("/login", "username=stu001&password=" + IntegrationTest.DEMO_PASSWORD);
		ProblemAssertions.assertProblem(response, 403, "csrf.invalid");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aSavedRelativeRedirectIsHonouredButAnOffSiteOneIsNot() {
		Response local = new ApiClient(port).postForm("/login",
				Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD, "redirect", "/profile"));
		assertThat(local.json().get("redirect").asString()).isEqualTo("/profile");
		Response offSite = new ApiClient(port).postForm("/login",
				Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD, "redirect", "//evil.example"));
		assertThat(offSite.json().get("redirect").asString()).isEqualTo("/");
	}

	@Test
	void theSessionCookieIsHttpOnlyAndSameSite() {
		ApiClient browser = new ApiClient(port);
		Response response = browser.postForm("/login", Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD));
		String setCookie = response.header("set-cookie");
		assertThat(setCookie).contains("ONECAMPUS_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(setCookie).doesNotContainIgnoringCase("Secure;"); // plain HTTP here; Secure is set behind TLS
	}

	@Test
	void sessionsAreStoredInTheDatabaseSoAnyNodeCanServeThem() {
		new ApiClient(port).signIn("head001", IntegrationTest.DEMO_PASSWORD);
		assertThat(jdbc.sql("select count(*) from kernel_session where principal_name = 'head001'").query(Long.class).single())
			.isPositive();
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		Response response = new ApiClient(port).get("/login");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("content-security-policy")).contains("default-src 'self'", "frame-ancestors 'self'",
				"object-src 'none'");
		assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
		assertThat(response.header("x-frame-options")).isEqualTo("SAMEORIGIN");
		assertThat(response.header("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
	}

	private long count(String action, String actor) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = ? and actor = ?")
			.params(action, actor).query(Long.class).single();
	}
}
