package org.onecampus.identity.internal.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.mfa.TotpCodes;
import org.onecampus.kernel.web.SessionWrites;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.RequestTransactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What a successful password sign-in writes (last sign-in, audit entry, forgiven failures, the session's device
 * note) and how: the success handler's records and the sign-in filter's in one transaction with the signed-in
 * session, and the records of a sign-in held for its second factor written all the same.
 */
@IntegrationTest
class SignInRecordsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aSignInFromAKnownDeviceWritesAllItsRecordsInOneTransaction() {
		String username = DemoPersons.nth(jdbc, 80);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		browser.postForm("/logout", Map.of());
		assertThat(browser.postForm("/login", Map.of("username", username, "password", "wrong-Password-1")).status())
			.isEqualTo(401);
		assertThat(failures(username)).isEqualTo(1);
		long signIns = audited("auth.sign-in", username);
		Instant before = Instant.now();

		var seen = RequestTransactions.seen();
		Response signIn = RequestTransactions.during(transactions, seen, () -> browser.postForm("/login",
				Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD)));

		assertThat(signIn.status()).isEqualTo(200);
		// the records and the signed-in session: one transaction, one commit (Spring Session's own are unnamed)
		assertThat(seen.committed()).containsExactly(SessionWrites.class.getName());
		assertThat(browser.get("/api/v1/me").json().get("username").asString()).isEqualTo(username);
		assertThat(audited("auth.sign-in", username)).isEqualTo(signIns + 1);
		assertThat(jdbc.sql("""
				select cast(details as jsonb) ->> 'newDevice' from kernel_audit_event where action = 'auth.sign-in' and actor = :u
				order by id desc limit 1""").param("u", username).query(String.class).single()).isEqualTo("false");
		assertThat(failures(username)).isZero();
		assertThat(jdbc.sql("select last_login_at from identity_account where username = :u").param("u", username)
			.query(Instant.class).single()).isAfterOrEqualTo(before.minusSeconds(1));
		assertThat(jdbc.sql("""
				select count(*) from identity_session_device d join identity_account a on a.id = d.account_id
				where a.username = :u and d.signed_in_at >= :t""").param("u", username).param("t", java.sql.Timestamp.from(before))
			.query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The sign-in's throttle check also tells whether the login has anything to forgive: a success without failures
	 * behind it deletes nothing (one statement fewer per sign-in), one after a failure forgives it.
	 */
	@Test
	void aSignInWithNothingToForgiveDeletesNothingAndOneAfterAFailureForgivesIt() {
		String username = DemoPersons.nth(jdbc, 84);
		assertThat(failures(username)).isZero();
		jdbc.sql("create table test_forgiveness_log (tbl text, query text)").update();
		jdbc.sql("""
				create function test_log_delete() returns trigger language plpgsql as $$
				begin
				  insert into test_forgiveness_log values (tg_table_name, current_query());
				  return null;
				end $$""").update();
		for (String table : List.of("identity_login_failure", "identity_login_throttle")) {
			jdbc.sql("create trigger test_log_delete after delete on " + table
					+ " for each statement execute function test_log_delete()").update();
		}
		try {
			ApiClient browser = new ApiClient(port);
			assertThat(browser.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD))
				.status()).isEqualTo(200);
			assertThat(forgivenessStatements()).isZero();

			assertThat(new ApiClient(port).postForm("/login", Map.of("username", username, "password", "wrong-Password-1"))
				.status()).isEqualTo(401);
			assertThat(failures(username)).isEqualTo(1);
			assertThat(new ApiClient(port).postForm("/login",
					Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD)).status()).isEqualTo(200);
			assertThat(failures(username)).isZero();
			assertThat(forgivenessStatements()).isPositive();
		}
		finally {
			for (String table : List.of("identity_login_failure", "identity_login_throttle")) {
				jdbc.sql("drop trigger test_log_delete on " + table).update();
			}
			jdbc.sql("drop function test_log_delete()").update();
			jdbc.sql("drop table test_forgiveness_log").update();
		}
	}

	/** Deletes by login (a sign-in's forgiveness), not the hourly purge's by age. */
	private long forgivenessStatements() {
		return jdbc.sql("select count(*) from test_forgiveness_log where query like '%login = %'").query(Long.class).single();
	}

	@Test
	void aSignInHeldForItsSecondFactorIsStillRecordedButNothingIsForgivenBeforeTheCode() {
		String username = DemoPersons.nth(jdbc, 81);
		String secret = enrolAnAuthenticator(username);
		ApiClient later = new ApiClient(port);
		assertThat(later.postForm("/login", Map.of("username", username, "password", "wrong-Password-1")).status())
			.isEqualTo(401);
		long signIns = audited("auth.sign-in", username);

		Response password = later.postForm("/login", Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));

		assertThat(password.json().get("mfaRequired").asBoolean()).isTrue();
		assertThat(audited("auth.sign-in", username)).isEqualTo(signIns + 1);
		assertThat(failures(username)).isEqualTo(1);
		var seen = RequestTransactions.seen();
		Response code = RequestTransactions.during(transactions, seen,
				() -> later.postForm("/login/mfa", Map.of("code", TotpCodes.code(secret, 1))));
		assertThat(code.status()).as(code.body()).isEqualTo(200);
		// the code's records (forgiveness, device note, audit entry) are stored with the signed-in session
		assertThat(seen.committed()).contains(SessionWrites.class.getName())
			.doesNotContain(SignInProtection.class.getName() + ".signedIn");
		assertThat(audited("auth.mfa-passed", username)).isEqualTo(1);
		assertThat(later.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(failures(username)).isZero();
		assertThat(audited("auth.sign-in", username)).isEqualTo(signIns + 1);
	}

	/**
	 * The records of a sign-in and its session stand or fall together: when the one transaction fails (here a
	 * trigger refuses the session's device note), nothing is recorded, the answer is an error, and the browser is
	 * not signed in.
	 */
	@Test
	void aSignInWhoseRecordsCannotBeWrittenDoesNotStand() {
		String username = DemoPersons.nth(jdbc, 82);
		UUID accountId = jdbc.sql("select id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
		jdbc.sql("""
				create or replace function test_refuse_device() returns trigger language plpgsql as $$
				begin
				  if new.account_id = '%s' then raise exception 'refused by the test'; end if;
				  return new;
				end $$""".formatted(accountId)).update();
		jdbc.sql("""
				create trigger test_refuse_device before insert or update on identity_session_device
				for each row execute function test_refuse_device()""").update();
		try {
			long signIns = audited("auth.sign-in", username);
			Instant lastSignIn = lastSignIn(username);
			ApiClient browser = new ApiClient(port);

			Response signIn = browser.postForm("/login",
					Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));

			assertThat(signIn.status()).isEqualTo(500);
			assertThat(signIn.header("content-type")).startsWith("application/problem+json");
			assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
			assertThat(audited("auth.sign-in", username)).isEqualTo(signIns);
			assertThat(lastSignIn(username)).isEqualTo(lastSignIn);
		}
		finally {
			jdbc.sql("drop trigger test_refuse_device on identity_session_device").update();
			jdbc.sql("drop function test_refuse_device()").update();
		}
		assertThat(new ApiClient(port).postForm("/login",
				Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD)).status()).isEqualTo(200);
	}

	/** Held for the second factor: if the password step cannot be recorded, there is no second step to take. */
	@Test
	void aSignInHeldForItsSecondFactorWhoseRecordsCannotBeWrittenLeavesNothingPending() {
		String username = DemoPersons.nth(jdbc, 83);
		String secret = enrolAnAuthenticator(username);
		jdbc.sql("""
				create or replace function test_refuse_audit() returns trigger language plpgsql as $$
				begin
				  if new.actor = '%s' and new.action = 'auth.sign-in' then raise exception 'refused by the test'; end if;
				  return new;
				end $$""".formatted(username)).update();
		jdbc.sql("""
				create trigger test_refuse_audit before insert on kernel_audit_event
				for each row execute function test_refuse_audit()""").update();
		ApiClient later = new ApiClient(port);
		try {
			long signIns = audited("auth.sign-in", username);

			Response password = later.postForm("/login",
					Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));

			assertThat(password.status()).isEqualTo(500);
			assertThat(audited("auth.sign-in", username)).isEqualTo(signIns);
		}
		finally {
			jdbc.sql("drop trigger test_refuse_audit on kernel_audit_event").update();
			jdbc.sql("drop function test_refuse_audit()").update();
		}
		Response code = later.postForm("/login/mfa", Map.of("code", TotpCodes.code(secret, 1)));
		assertThat(code.status()).as(code.body()).isEqualTo(401);
		assertThat(code.body()).contains("auth.mfa-no-pending-sign-in");
		assertThat(later.get("/api/v1/me").status()).isEqualTo(401);
	}

	private Instant lastSignIn(String username) {
		return jdbc.sql("select last_login_at from identity_account where username = :u").param("u", username)
			.query(Instant.class).list().get(0);
	}

	/** @return the TOTP secret of the authenticator the person just enrolled and confirmed */
	private String enrolAnAuthenticator(String username) {
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String secret = browser.postJson("/api/v1/identity/account/mfa/totp", "").json().get("secret").asString();
		assertThat(browser.postJson("/api/v1/identity/account/mfa/totp/confirmation",
				"{\"code\":\"" + TotpCodes.code(secret, 0) + "\"}").status()).isEqualTo(200);
		return secret;
	}

	private long audited(String action, String username) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and actor = :u").param("a", action)
			.param("u", username).query(Long.class).single();
	}

	private long failures(String username) {
		return jdbc.sql("select count(*) from identity_login_failure where login = lower(:u)").param("u", username)
			.query(Long.class).single();
	}
}
