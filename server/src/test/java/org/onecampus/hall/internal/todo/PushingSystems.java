package org.onecampus.hall.internal.todo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campus systems as tests need them: the demo profile's {@code demo-system} (scopes
 * {@code messaging.send hall.todo}) or a freshly registered one, each calling the API with a real
 * client-credentials token from {@code /oauth2/token}.
 */
public final class PushingSystems {

	static final JsonMapper json = JsonMapper.builder().build();

	private PushingSystems() {
	}

	/** {@code demo-system} with a token of the given scope. */
	public static ApiClient demoSystem(int port, String scope) {
		return withToken(port, token(port, "demo-system", "demo-system-secret", scope));
	}

	/** A new system registered by the administrator (owner ITC, client credentials, scope hall.todo). */
	public static ApiClient newSystem(int port, String code) {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		ApiClient.Response registered = admin.postJson("/api/v1/identity/apps", """
				{"code": "%s", "name": "测试推送系统", "nameEn": "Test pushing system", "ownerOrgCode": "ITC",
				 "protocol": "OIDC", "redirectUris": ["https://%s.example.edu.cn/callback"],
				 "grantTypes": ["client_credentials"], "scopes": ["hall.todo"], "enabled": true}""".formatted(code, code));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		String secret = registered.json().get("clientSecret").asString();
		return withToken(port, token(port, code, secret, "hall.todo"));
	}

	static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static ApiClient withToken(int port, String token) {
		return new ApiClient(port).header("Authorization", "Bearer " + token);
	}

	private static String token(int port, String client, String secret, String scope) {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
						.header("Authorization", "Basic " + basic)
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return json.readTree(response.body()).get("access_token").asString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
