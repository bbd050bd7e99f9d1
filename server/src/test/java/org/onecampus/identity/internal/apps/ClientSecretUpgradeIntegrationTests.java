package org.onecampus.identity.internal.apps;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client secrets at the real token endpoint: generated and demo secrets are keyed fast hashes, a
 * secret stored as Argon2id before still works and is rewritten as a keyed hash by its first
 * successful use, and a wrong secret gets no token either way.
 */
@IntegrationTest
class ClientSecretUpgradeIntegrationTests {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	CachedRegisteredClients clients;

	@Test
	void theDemoSystemClientIsOnTheFastPath() {
		assertThat(storedSecret("demo-system")).startsWith("{hmac-sha256}");
		assertThat(token("demo-system", "demo-system-secret").statusCode()).isEqualTo(200);
		assertThat(token("demo-system", "demo-system-secreT").statusCode()).isEqualTo(401);
	}

	@Test
	void anArgon2idSecretStillWorksAndIsUpgradedOnItsFirstSuccessfulUse() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response created = admin.postJson("/api/v1/identity/apps", """
				{"code":"timetable-sync","name":"课表同步","nameEn":"Timetable sync","ownerOrgCode":"ITC",
				 "protocol":"OIDC","grantTypes":["client_credentials"],"scopes":["messaging.send"]}""");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String secret = created.json().get("clientSecret").asString();
		assertThat(storedSecret("timetable-sync")).startsWith("{hmac-sha256}");

		// As stored before keyed hashes existed.
		String argon2id = passwords.encode(secret);
		jdbc.sql("update oauth2_registered_client set client_secret = :secret where client_id = 'timetable-sync'")
			.param("secret", argon2id).update();
		clients.clear(); // written behind the repository's back, as another node's change would be

		assertThat(token("timetable-sync", "guessed").statusCode()).isEqualTo(401);
		assertThat(storedSecret("timetable-sync")).isEqualTo(argon2id);

		HttpResponse<String> first = token("timetable-sync", secret);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		String upgraded = storedSecret("timetable-sync");
		assertThat(upgraded).startsWith("{hmac-sha256}").doesNotContain(secret);

		assertThat(token("timetable-sync", secret).statusCode()).isEqualTo(200);
		assertThat(token("timetable-sync", secret.substring(1)).statusCode()).isEqualTo(401);
		assertThat(storedSecret("timetable-sync")).isEqualTo(upgraded);

		String id = created.json().at("/app/id").asString();
		assertThat(admin.send("DELETE", "/api/v1/identity/apps/" + id, null, HttpRequest.BodyPublishers.noBody()).status())
			.isEqualTo(204);
	}

	private String storedSecret(String clientId) {
		return jdbc.sql("select client_secret from oauth2_registered_client where client_id = :id").param("id", clientId)
			.query(String.class).single();
	}

	private HttpResponse<String> token(String clientId, String secret) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=messaging.send"))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
