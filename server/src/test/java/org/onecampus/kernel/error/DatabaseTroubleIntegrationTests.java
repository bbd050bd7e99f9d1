package org.onecampus.kernel.error;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that fails because of the database, not because of itself or a bug, gets an answer the caller can
 * act on: 503 with {@code Retry-After} when the database cannot serve (here: out of disk space), 409 when it lost
 * against a concurrent request (here: a deadlock), in a controller and in the sign-in filter alike. PostgreSQL
 * raises the errors itself, from a trigger, with their real SQLSTATE.
 */
@IntegrationTest
class DatabaseTroubleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDatabaseOutOfDiskSpaceIsA503WithRetryAfterAndNothingChanges() {
		String username = DemoPersons.nth(jdbc, 86);
		ApiClient browser = new ApiClient(port).language("en-US").signIn(username, IntegrationTest.DEMO_PASSWORD);
		String locale = locale(username);
		Response answer = withTrigger("identity_account", "update", accountId(username), "53100", () -> browser
			.putJson("/api/v1/me/preferences", "{\"locale\": \"%s\"}".formatted("en-US".equals(locale) ? "zh-CN" : "en-US")));

		ProblemAssertions.assertProblem(answer, 503, "service.unavailable");
		assertThat(answer.header("retry-after")).isEqualTo("5");
		assertThat(answer.json().get("title").asString()).isEqualTo("Temporarily unavailable");
		assertThat(answer.json().get("detail").asString()).contains("try again in 5 seconds");
		assertThat(locale(username)).isEqualTo(locale);
		// and once the database serves again, the same request goes through
		assertThat(browser.putJson("/api/v1/me/preferences", "{\"locale\": \"en-US\"}").status()).isEqualTo(200);
	}

	@Test
	void aDeadlockIsA409ConcurrentChange() {
		String username = DemoPersons.nth(jdbc, 86);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		Response answer = withTrigger("identity_account", "update", accountId(username), "40P01",
				() -> browser.putJson("/api/v1/me/preferences", "{\"locale\": \"zh-CN\"}"));

		ProblemAssertions.assertProblem(answer, 409, "resource.concurrent-change");
		assertThat(answer.json().get("title").asString()).isEqualTo("数据已被他人修改");
		assertThat(answer.header("retry-after")).isNull();
	}

	/** The sign-in filter's records fail to be written (outside any controller): 503 too, and no sign-in stands. */
	@Test
	void aSignInThatCannotBeRecordedForLackOfDiskIsA503AndDoesNotStand() {
		String username = DemoPersons.nth(jdbc, 87);
		ApiClient browser = new ApiClient(port);
		Response signIn = withTrigger("identity_session_device", "insert or update", accountId(username), "53100",
				() -> browser.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD)));

		ProblemAssertions.assertProblem(signIn, 503, "service.unavailable");
		assertThat(signIn.header("retry-after")).isEqualTo("5");
		assertThat(signIn.json().get("title").asString()).isEqualTo("服务暂时不可用");
		assertThat(signIn.json().get("instance").asString()).isEqualTo("/login");
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
	}

	private Response withTrigger(String table, String events, UUID accountId, String sqlState,
			java.util.function.Supplier<Response> request) {
		jdbc.sql("""
				create or replace function test_database_trouble() returns trigger language plpgsql as $$
				begin
				  if new.%s = '%s' then raise exception 'simulated by the test' using errcode = '%s'; end if;
				  return new;
				end $$""".formatted("identity_account".equals(table) ? "id" : "account_id", accountId, sqlState))
			.update();
		jdbc.sql("create trigger test_database_trouble before " + events + " on " + table
				+ " for each row execute function test_database_trouble()").update();
		try {
			return request.get();
		}
		finally {
			jdbc.sql("drop trigger test_database_trouble on " + table).update();
			jdbc.sql("drop function test_database_trouble()").update();
		}
	}

	private UUID accountId(String username) {
		return jdbc.sql("select id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}

	private String locale(String username) {
		return jdbc.sql("select locale from identity_account where username = :u").param("u", username)
			.query(String.class).optional().orElse(null);
	}
}
