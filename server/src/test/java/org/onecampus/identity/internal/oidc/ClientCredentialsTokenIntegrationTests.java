package org.onecampus.identity.internal.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.onecampus.kernel.audit.AuditVerification;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Client-credentials tokens through the real token endpoint: each token's stored authorization and its
 * audit entry are committed together (same transaction) before the token is answered, so the token is
 * introspectable at once and audited exactly once; revocation still works and is not audited as an issue;
 * the token lookups use an index; expired client-credentials authorizations are purged.
 */
@IntegrationTest
class ClientCredentialsTokenIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditVerification verification;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ExpiredClientTokens expired;

	@Test
	void concurrentTokensAreStoredAndAuditedInTheSameCommitBeforeTheyAreAnswered() throws Exception {
		long mark = lastAuditId();
		int threads = 8;
		int each = 4;
		List<String> tokens = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<String>>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				done.add(pool.submit(() -> {
					start.await();
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < each; i++) {
						String token = token();
						// Committed when answered: another connection sees the row, introspection says active.
						assertThat(jdbc.sql("select count(*) from oauth2_authorization where access_token_value = ?")
							.param(token).query(Long.class).single()).isOne();
						assertThat(introspect(token).get("active").asBoolean()).isTrue();
						mine.add(token);
					}
					return mine;
				}));
			}
			start.countDown();
			for (Future<List<String>> future : done) {
				tokens.addAll(future.get());
			}
		}
		finally {
			pool.shutdown();
		}

		// One audit entry per token, each in the transaction that stored its authorization.
		List<Long> auditTransactions = jdbc.sql("""
				select xmin::text::bigint from kernel_audit_event
				where id > ? and action = 'sso.oidc.token-issued' and actor = 'demo-system' order by id""")
			.param(mark).query(Long.class).list();
		List<Long> authorizationTransactions = new ArrayList<>();
		for (String token : tokens) {
			authorizationTransactions.add(jdbc.sql("select xmin::text::bigint from oauth2_authorization where access_token_value = ?")
				.param(token).query(Long.class).single());
		}
		assertThat(auditTransactions).hasSize(threads * each);
		assertThat(authorizationTransactions).containsExactlyInAnyOrderElementsOf(auditTransactions);
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void aRevokedTokenIsInactiveAndTheRevocationIsNotAnotherIssue() {
		String token = token();
		long mark = lastAuditId();
		assertThat(introspect(token).get("active").asBoolean()).isTrue();

		HttpResponse<String> revoked = post("/oauth2/revoke", "token=" + encode(token) + "&token_type_hint=access_token");
		assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

		assertThat(introspect(token).get("active").asBoolean()).isFalse();
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where id > ? and action = 'sso.oidc.token-issued'")
			.param(mark).query(Long.class).single()).isZero();
	}

	@Test
	void tokenLookupsCanUseAnIndex() {
		String token = token();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			// As Spring Authorization Server asks: by access token, and by any token when the type is not known.
			String byAccessToken = plan("select id from oauth2_authorization where access_token_value = ?", token);
			String byAnyToken = plan("""
					select id from oauth2_authorization where state = ? or authorization_code_value = ? \
					or access_token_value = ? or oidc_id_token_value = ? or refresh_token_value = ? \
					or user_code_value = ? or device_code_value = ?""", token);
			assertThat(byAccessToken).contains("oauth2_authorization_access_idx").doesNotContain("Seq Scan");
			assertThat(byAnyToken).contains("oauth2_authorization_access_idx").doesNotContain("Seq Scan");
		});
	}

	@Test
	void clientCredentialsAuthorizationsExpiredForAnHourArePurgedOthersStay() {
		String old = token();
		String recent = token();
		String fresh = token();
		jdbc.sql("update oauth2_authorization set access_token_expires_at = now() - interval '2 hours' where access_token_value = ?")
			.param(old).update();
		jdbc.sql("update oauth2_authorization set access_token_expires_at = now() - interval '10 minutes' where access_token_value = ?")
			.param(recent).update();
		// A person's authorization with an expired access token (its refresh token or session may live on).
		String person = "purge-test-" + System.nanoTime();
		jdbc.sql("""
				insert into oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type,
				    attributes, access_token_value, access_token_issued_at, access_token_expires_at)
				select ?, registered_client_id, ?, 'authorization_code', attributes, ?, now() - interval '3 hours',
				       now() - interval '2 hours'
				from oauth2_authorization where access_token_value = ?""")
			.params(person, person, person, fresh).update();

		assertThat(expired.purge()).isPositive();

		assertThat(stored(old)).isZero();
		assertThat(stored(recent)).isOne();
		assertThat(stored(fresh)).isOne();
		assertThat(stored(person)).isOne();
		assertThat(introspect(fresh).get("active").asBoolean()).isTrue();
		jdbc.sql("delete from oauth2_authorization where id = ?").param(person).update();
	}

	private String plan(String sql, String token) {
		int parameters = (int) sql.chars().filter(c -> c == '?').count();
		var statement = jdbc.sql("explain " + sql);
		for (int i = 0; i < parameters; i++) {
			statement = statement.param(token);
		}
		return String.join("\n", statement.query(String.class).list());
	}

	private long stored(String token) {
		return jdbc.sql("select count(*) from oauth2_authorization where access_token_value = ?").param(token)
			.query(Long.class).single();
	}

	private long lastAuditId() {
		return jdbc.sql("select coalesce(max(id), 0) from kernel_audit_event").query(Long.class).single();
	}

	private String token() {
		HttpResponse<String> response = post("/oauth2/token", "grant_type=client_credentials&scope=messaging.send");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private JsonNode introspect(String token) {
		HttpResponse<String> response = post("/oauth2/introspect", "token=" + encode(token));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private HttpResponse<String> post(String path, String form) {
		String basic = Base64.getEncoder().encodeToString("demo-system:demo-system-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
