package org.onecampus.identity.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in continues to where a person navigated, never to an API call the app made before signing in. */
@IntegrationTest
class SavedRequestIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anApiCallRefusedBeforeSignInIsNotWhereSignInContinues() {
		ApiClient browser = new ApiClient(port);
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
		var signIn = browser.postForm("/login", Map.of("username", "stu001", "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.json().get("redirect").asString()).isEqualTo("/");
	}
}
