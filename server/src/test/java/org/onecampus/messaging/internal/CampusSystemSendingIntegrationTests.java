package org.onecampus.messaging.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campus system (the demo profile's {@code demo-system} client) sends through the REST API with an
 * OAuth2 client-credentials token carrying the {@code messaging.send} scope, exactly as the README
 * tells campus systems to; a retry with the same Idempotency-Key sends nothing twice.
 */
@IntegrationTest
class CampusSystemSendingIntegrationTests {

	static final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	String token(String scope) throws Exception {
		String basic = Base64.getEncoder().encodeToString("demo-system:demo-system-secret".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("access_token").asString();
	}

	HttpResponse<String> send(String token, String idempotencyKey, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/messaging/messages"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Test
	void aSystemWithTheSendScopeReachesAPersonOnceHoweverOftenItRetries() throws Exception {
		String token = token("messaging.send");
		String body = """
				{"category":"announcement","recipients":{"persons":["grad001"]},
				 "title":"图书馆闭馆通知","body":"本周六图书馆闭馆一天。","channels":["inapp"]}""";
		HttpResponse<String> first = send(token, "library-2026-11-28", body);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String id = json.readTree(first.body()).get("id").asString();
		HttpResponse<String> retry = send(token, "library-2026-11-28", body);
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
		assertThat(json.readTree(retry.body()).get("id").asString()).isEqualTo(id);

		ApiClient grad = new ApiClient(port).signIn("grad001", IntegrationTest.DEMO_PASSWORD);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String inbox = grad.get("/api/v1/messaging/inbox?size=50").body();
			assertThat(inbox).contains("图书馆闭馆通知");
			assertThat(inbox.split("图书馆闭馆通知", -1)).hasSize(2);
		});
	}

	@Test
	void aTokenWithoutTheSendScopeIsRefused() throws Exception {
		HttpResponse<String> response = send(token("hall.todo"), "no-scope-1", """
				{"category":"announcement","recipients":{"persons":["grad001"]},"title":"t","body":"b"}""");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}
}
