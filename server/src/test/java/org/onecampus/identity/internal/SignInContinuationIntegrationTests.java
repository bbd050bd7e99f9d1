package org.onecampus.identity.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where sign-in continues: to an SSO request the server saved (covered by the CAS and OIDC tests), but
 * never to an API call that was refused before signing in, which the page would then open as JSON.
 */
@IntegrationTest
class SignInContinuationIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anApiCallRefusedBeforeSigningInIsNotWhereSignInContinues() {
		ApiClient browser = new ApiClient(port).usingCookieCsrf();
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);

		var signIn = browser.postForm("/login", Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD));

		assertThat(signIn.json().get("redirect").asString()).isEqualTo("/");
	}
}
