package org.onecampus.identity.internal.accounts;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.mfa.TotpCodes;
import org.onecampus.support.ApiClient;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * An administrator's view of a person's account security: sessions ended one by one or all at once
 * stop working, the second factor reset lets the person sign in with the password and tells them,
 * a throttle is lifted, and a department-scoped people administrator acts only inside their subtree.
 */
@IntegrationTest
class PersonSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void signIn() {
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
	}

	@Test
	void endingOneSessionAndThenAllStopsThemAndTheHistoryShowsTheSignIns() {
		String username = someone(70);
		ApiClient laptop = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		ApiClient phone = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		ApiClient tablet = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String base = "/api/v1/identity/people/" + personOf(username);

		var sessions = admin.get(base + "/sessions").json();
		assertThat(sessions.size()).isEqualTo(3);
		assertThat(admin.get(base + "/sign-ins").json().get("items").get(0).get("action").asString()).isEqualTo("auth.sign-in");
		String oldest = sessions.get(2).get("id").asString();
		assertThat(delete(admin, base + "/sessions/" + oldest).status()).isEqualTo(204);
		assertThat(laptop.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(phone.get("/api/v1/me").status()).isEqualTo(200);

		assertThat(delete(admin, base + "/sessions").status()).isEqualTo(204);
		assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(tablet.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(admin.get(base + "/sessions").json().size()).isZero();
		assertThat(audited("identity.sessions-ended", username)).isEqualTo(1);
	}

	@Test
	void resettingTheSecondFactorLetsThePersonSignInWithThePasswordAndTellsThem() {
		String username = someone(71);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		String secret = browser.postJson("/api/v1/identity/account/mfa/totp", "").json().get("secret").asString();
		assertThat(browser.postJson("/api/v1/identity/account/mfa/totp/confirmation",
				"{\"code\":\"" + TotpCodes.code(secret, 0) + "\"}").status()).isEqualTo(200);
		String base = "/api/v1/identity/people/" + personOf(username);
		assertThat(admin.get(base + "/security").json().get("secondFactor").asBoolean()).isTrue();
		assertThat(admin.get(base + "/security").json().get("recoveryCodesLeft").asInt()).isEqualTo(10);

		assertThat(delete(admin, base + "/second-factor").status()).isEqualTo(204);

		var security = admin.get(base + "/security").json();
		assertThat(security.get("secondFactor").asBoolean()).isFalse();
		assertThat(security.get("recoveryCodesLeft").asInt()).isZero();
		Response password = new ApiClient(port).postForm("/login",
				Map.of("username", username, "password", IntegrationTest.DEMO_PASSWORD));
		assertThat(password.status()).isEqualTo(200);
		assertThat(password.json().has("mfaRequired")).as(password.body()).isFalse();
		assertProblem(delete(admin, base + "/second-factor"), 409, "identity.mfa.not-enabled");
		assertThat(audited("identity.mfa-reset", username)).isEqualTo(1);
		eventually(Duration.ofSeconds(20), "the reset notice arrives", () -> jdbc.sql("""
				select count(*) from messaging_delivery d join identity_account a on a.person_id = d.person_id
				where a.username = :u and d.channel = 'inapp' and d.category_code = 'security' and d.title in ('二次验证已被重置', 'Your second factor was reset')""")
			.param("u", username).query(Long.class).single() == 1);
	}

	@Test
	void aThrottledAccountIsShownAndLifted() {
		String username = someone(72);
		for (int i = 0; i < 7; i++) {
			new ApiClient(port).from("198.51.100." + (10 + i)).postForm("/login", Map.of("username", username, "password", "wrong-" + i));
		}
		String base = "/api/v1/identity/people/" + personOf(username);
		var throttle = admin.get(base + "/security").json().get("throttle");
		assertThat(throttle).as("a throttle is recorded").isNotNull();
		assertThat(throttle.get("failures").asInt()).isGreaterThanOrEqualTo(6);

		assertThat(delete(admin, base + "/throttle").status()).isEqualTo(204);
		var security = admin.get(base + "/security").json();
		assertThat(security.get("throttle") == null || security.get("throttle").isNull()).isTrue();
		assertProblem(delete(admin, base + "/throttle"), 409, "identity.throttle.none");
		new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	@Test
	void aDepartmentScopedPeopleAdministratorActsOnlyInsideTheirSubtree() {
		String scopedAdmin = someone(73);
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select id, 'PEOPLE_ADMIN', (select id from identity_org_unit where code = 'CS') from identity_account where username = :u
				on conflict (account_id, role_code) do update set scope_org_unit_id = excluded.scope_org_unit_id""")
			.param("u", scopedAdmin).update();
		ApiClient scoped = new ApiClient(port).signIn(scopedAdmin, IntegrationTest.DEMO_PASSWORD);
		new ApiClient(port).signIn("fac001", IntegrationTest.DEMO_PASSWORD);

		var inside = scoped.get("/api/v1/identity/people/" + personOf("fac001") + "/sessions");
		assertThat(inside.status()).isEqualTo(200);
		assertThat(inside.json().size()).isPositive();
		assertProblem(scoped.get("/api/v1/identity/people/" + personOf("intl001") + "/sessions"), 404, "resource.not-found");
		assertProblem(delete(scoped, "/api/v1/identity/people/" + personOf("intl001") + "/sessions"), 404,
				"resource.not-found");
		assertProblem(delete(scoped, "/api/v1/identity/people/" + personOf("intl001") + "/second-factor"), 404,
				"resource.not-found");
		assertProblem(new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD)
			.get("/api/v1/identity/people/" + personOf("fac001") + "/security"), 403, "auth.forbidden");
	}

	private Response delete(ApiClient client, String path) {
		return client.send("DELETE", path, null, BodyPublishers.noBody());
	}

	private long audited(String action, String username) {
		return jdbc.sql("""
				select count(*) from kernel_audit_event e join identity_account a on e.target = 'account:' || a.id
				where e.action = :a and a.username = :u""").param("a", action).param("u", username).query(Long.class).single();
	}

	private UUID personOf(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}

	/** A demo account no other test uses, signing in with the demo password and nothing pending. */
	private String someone(int n) {
		String username = DemoPersons.nth(jdbc, n);
		jdbc.sql("""
				update identity_account set must_change_password = false, password_changed_at = now(),
				  password_hash = (select password_hash from identity_account where username = 'stu001') where username = :u""")
			.param("u", username).update();
		jdbc.sql("delete from kernel_session where principal_name = :u").param("u", username).update();
		return username;
	}
}
