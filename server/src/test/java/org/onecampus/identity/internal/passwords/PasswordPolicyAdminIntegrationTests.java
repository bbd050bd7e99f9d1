package org.onecampus.identity.internal.passwords;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.passwords.DemoPeople.Student;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** The policies page: administrators change the password policy while the platform runs. */
@IntegrationTest
class PasswordPolicyAdminIntegrationTests {

	static final String POLICY = "/api/v1/identity/password-policy";

	static final String ACCOUNT_PASSWORD = "/api/v1/identity/account/password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordPolicySettings settings;

	DemoPeople people;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		people = new DemoPeople(jdbc);
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
	}

	@AfterEach
	void restoreTheConfiguredPolicy() {
		// Other tests in this JVM share the database: leave the configuration's policy in force.
		jdbc.sql("delete from identity_password_policy").update();
		settings.forgetCached();
	}

	@Test
	void withNothingSavedTheConfigurationsPolicyAppliesAtVersionZero() {
		Response read = admin.get(POLICY);

		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.json().get("saved").asBoolean()).isFalse();
		assertThat(read.json().get("version").asInt()).isZero();
		assertThat(read.json().get("policy").get("minLength").asInt()).isEqualTo(10);
		assertThat(read.json().get("policy")).isEqualTo(read.json().get("defaults"));
	}

	@Test
	void aSavedPolicyAppliesAtOnceToPasswordChangesAndIsAudited() {
		Student student = people.undergraduate(47);
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);
		// 12 characters, four classes, strong: accepted under the configured minimum of 10.
		assertThat(browser.putJson(ACCOUNT_PASSWORD, PasswordChangeIntegrationTests.change(IntegrationTest.DEMO_PASSWORD, "Lantern#2718")).status())
			.isEqualTo(204);

		Response saved = admin.putJson(POLICY, policy(16, 128, 3, 5, 0, 3, 3, 0));

		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(1);
		assertThat(saved.json().get("saved").asBoolean()).isTrue();
		assertThat(browser.get(ACCOUNT_PASSWORD).json().get("policy").get("minLength").asInt()).isEqualTo(16);
		Response refused = browser.putJson(ACCOUNT_PASSWORD, PasswordChangeIntegrationTests.change("Lantern#2718", "Orchard*5521-Q"));
		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("newPassword");
		assertThat(browser.putJson(ACCOUNT_PASSWORD, PasswordChangeIntegrationTests.change("Lantern#2718", "Orchard*5521-Quiver-Lake")).status())
			.isEqualTo(204);
		String details = jdbc.sql("""
				select details::text from kernel_audit_event
				where action = 'identity.password-policy.changed' order by id desc limit 1""")
			.query(String.class).single();
		assertThat(details).contains("\"before\":{\"minLength\":10").contains("\"after\":{\"minLength\":16");
	}

	@Test
	void aMaximumAgeSavedNowSendsPeopleWithOlderPasswordsToTheChangePage() {
		Student student = people.undergraduate(48);
		jdbc.sql("update identity_account set password_changed_at = now() - interval '40 days' where username = :u")
			.param("u", student.username())
			.update();
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);
		assertThat(browser.get("/api/v1/messaging/inbox").status()).isEqualTo(200);

		assertThat(admin.putJson(POLICY, policy(10, 128, 3, 5, 30, 3, 3, 0)).status()).isEqualTo(200);

		assertProblem(browser.get("/api/v1/messaging/inbox"), 403, "auth.password-change-required");
		assertThat(browser.get(ACCOUNT_PASSWORD).json().get("expiresAt").isNull()).isFalse();
	}

	@Test
	void twoAdministratorsSavingFromTheSameVersionCannotOverwriteEachOther() {
		assertThat(admin.putJson(POLICY, policy(12, 128, 3, 5, 0, 3, 3, 0)).status()).isEqualTo(200);

		Response stale = admin.putJson(POLICY, policy(14, 128, 3, 5, 0, 3, 3, 0));

		assertProblem(stale, 409, "identity.password-policy.stale");
		assertThat(admin.get(POLICY).json().get("policy").get("minLength").asInt()).isEqualTo(12);
		assertThat(admin.putJson(POLICY, policy(14, 128, 3, 5, 0, 3, 3, 1)).status()).isEqualTo(200);
		assertThat(admin.get(POLICY).json().get("version").asInt()).isEqualTo(2);
	}

	@Test
	void inconsistentOrOutOfRangeValuesAreRefusedFieldByFieldAndNothingIsSaved() {
		Response crossed = new ApiClient(port).language("en-US").signIn("admin", IntegrationTest.DEMO_PASSWORD)
			.putJson(POLICY, policy(40, 32, 3, 5, 0, 2, 3, 0));

		assertProblem(crossed, 422, "request.validation");
		assertThat(crossed.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("policy.maxLength", "policy.weakScore");
		assertThat(crossed.json().get("errors").findValuesAsString("message"))
			.contains("must not be shorter than the minimum length");

		Response outOfRange = admin.putJson(POLICY, policy(4, 128, 5, 5, 0, 3, 3, 0));
		assertProblem(outOfRange, 422, "request.validation");
		assertThat(outOfRange.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("policy.minLength", "policy.minClasses");
		assertThat(admin.get(POLICY).json().get("saved").asBoolean()).isFalse();
	}

	@Test
	void aSecurityOfficerReadsThePolicyButOnlyPlatformAdministratorsChangeIt() {
		ApiClient officer = new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD);
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);

		assertThat(officer.get(POLICY).status()).isEqualTo(200);
		assertThat(officer.putJson(POLICY, policy(12, 128, 3, 5, 0, 3, 3, 0)).status()).isEqualTo(403);
		assertThat(student.get(POLICY).status()).isEqualTo(403);
	}

	@Test
	void aSamplePasswordIsTriedAgainstAProposedPolicyBeforeSaving() {
		String proposed = """
				{"password": "%s", "policy": {"minLength": 12, "maxLength": 128, "minClasses": 3, "history": 5,
				 "maxAgeDays": 0, "minScore": 3, "weakScore": 3}}""";

		Response pattern = admin.postJson(POLICY + "/trial", proposed.formatted("Abc@123456"));
		Response fine = admin.postJson(POLICY + "/trial", proposed.formatted("Orchard*5521-Quiver"));

		assertThat(pattern.status()).as(pattern.body()).isEqualTo(200);
		assertThat(pattern.json().get("acceptable").asBoolean()).isFalse();
		assertThat(pattern.json().get("problems").toString()).contains(PasswordProblem.TOO_SHORT.code())
			.contains(PasswordProblem.PATTERN.code());
		assertThat(fine.json().get("acceptable").asBoolean()).isTrue();
		assertThat(admin.get(POLICY).json().get("saved").asBoolean()).isFalse();
	}

	private static String policy(int minLength, int maxLength, int minClasses, int history, int maxAgeDays,
			int minScore, int weakScore, int version) {
		return """
				{"version": %d, "policy": {"minLength": %d, "maxLength": %d, "minClasses": %d, "history": %d,
				 "maxAgeDays": %d, "minScore": %d, "weakScore": %d}}"""
			.formatted(version, minLength, maxLength, minClasses, history, maxAgeDays, minScore, weakScore);
	}

}
