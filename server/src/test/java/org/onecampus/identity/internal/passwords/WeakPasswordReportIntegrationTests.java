package org.onecampus.identity.internal.passwords;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DepartmentAdministrators;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

@IntegrationTest
class WeakPasswordReportIntegrationTests {

	static final String REPORT = "/api/v1/identity/password-report";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	SignInPasswordScoring scoring;

	@Autowired
	DemoWeakPasswords demoWeakPasswords;

	@Test
	void aSignInWithAWeakPasswordFlagsTheAccountWithoutKeepingThePasswordAndTheReportCountsIt() {
		DemoPeople people = new DemoPeople(jdbc);
		String weak = people.undergraduate(20).username();
		String strong = people.undergraduate(21).username();
		people.storeHash(weak, encoder.encode("Abc@123456"));
		people.storeHash(strong, encoder.encode("Lantern#2718-wavelet"));
		jdbc.sql("update identity_account set password_scored_at = null where username in (:u)")
			.param("u", java.util.List.of(weak, strong)).update();
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		int weakBefore = admin.get(REPORT).json().get("weak").asInt();

		new ApiClient(port).signIn(weak, "Abc@123456");
		// Signed in with the phone number instead of the username: scored all the same.
		new ApiClient(port).signIn(phone(strong), "Lantern#2718-wavelet");

		// Scored off the sign-in's path, by the background scorer.
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scoredAt(weak) != null && scoredAt(strong) != null);
		assertThat(flag(weak)).isTrue();
		assertThat(flag(strong)).isFalse();
		assertThat(jdbc.sql("select row_to_json(a)::text from identity_account a where username = :u").param("u", weak)
			.query(String.class).single()).doesNotContain("Abc@123456");
		var summary = admin.get(REPORT).json();
		assertThat(summary.get("weak").asInt()).isEqualTo(weakBefore + 1);
		String department = jdbc.sql("""
				select o.code from identity_account a join identity_affiliation f on f.person_id = a.person_id
				join identity_org_unit c on c.id = f.org_unit_id
				join identity_org_unit m on m.id = c.parent_id join identity_org_unit o on o.id = m.parent_id
				where a.username = :u""").param("u", weak).query(String.class).single();
		assertThat(summary.get("departments").valueStream()
			.filter(d -> d.get("code").asString().equals(department)).findFirst().orElseThrow()
			.get("weak").asInt()).isGreaterThanOrEqualTo(1);

		var today = admin.postJson(REPORT + "/snapshots", "").json();
		assertThat(today.get(0).get("weak").asInt()).isEqualTo(summary.get("weak").asInt());
		assertThat(admin.get(REPORT + "/trend?days=7").json().size()).isGreaterThanOrEqualTo(1);

		Response csv = admin.get(REPORT + "/weak-accounts.csv", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\uFEFFdepartment_code,department,username").contains("," + weak + ",");
		assertThat(csv.body()).doesNotContain("," + strong + ",");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.password-report-exported' and actor = 'admin'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(1);
	}

	java.util.UUID accountId(String username) {
		return jdbc.sql("select id from identity_account where username = :u").param("u", username)
			.query(java.util.UUID.class).single();
	}

	String phone(String username) {
		return jdbc.sql("select p.phone from identity_person p join identity_account a on a.person_id = p.id where a.username = :u")
			.param("u", username).query(String.class).single();
	}

	@Test
	void theSamePasswordIsNotScoredAgainUntilItsStoredHashChanges() {
		DemoPeople people = new DemoPeople(jdbc);
		String username = people.undergraduate(22).username();
		people.storeHash(username, encoder.encode("Lantern#2718-wavelet"));
		scoring.scoreNow(accountId(username), "Lantern#2718-wavelet");
		Object first = scoredAt(username);
		assertThat(first).isNotNull();
		assertThat(flag(username)).isFalse();

		scoring.scoreNow(accountId(username), "Lantern#2718-wavelet");
		assertThat(scoredAt(username)).isEqualTo(first);

		// A new stored hash (here set directly, as an import would) is a new password: scored again.
		people.storeHash(username, encoder.encode("Abc@123456"));
		scoring.scoreNow(accountId(username), "Abc@123456");
		assertThat(flag(username)).isTrue();
		assertThat(scoredAt(username)).isNotEqualTo(first);
	}

	/**
	 * The sign-in's own account lookup says the stored hash was scored: a password scored recently is not even
	 * handed to the background scorer (no second read of the account per sign-in), a new stored hash is.
	 */
	@Test
	void aSignInWhosePasswordWasJustScoredIsNotHandedToTheScorerAgain() {
		DemoPeople people = new DemoPeople(jdbc);
		String username = people.undergraduate(23).username();
		people.storeHash(username, encoder.encode("Lantern#2718-wavelet"));
		jdbc.sql("update identity_account set password_scored_at = null where username = :u").param("u", username).update();

		long before = scoring.handedOver();
		new ApiClient(port).signIn(username, "Lantern#2718-wavelet");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scoredAt(username) != null);
		Object first = scoredAt(username);
		assertThat(scoring.handedOver()).isEqualTo(before + 1);

		new ApiClient(port).signIn(username, "Lantern#2718-wavelet");
		new ApiClient(port).signIn(phone(username), "Lantern#2718-wavelet");
		assertThat(scoring.handedOver()).isEqualTo(before + 1);

		// A new stored hash (an import, an administrator's reset): handed over and scored again.
		people.storeHash(username, encoder.encode("Lantern#2718-wavelet"));
		new ApiClient(port).signIn(username, "Lantern#2718-wavelet");
		assertThat(scoring.handedOver()).isEqualTo(before + 2);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !first.equals(scoredAt(username)));
	}

	@Test
	void aDepartmentAdministratorSeesOnlyTheirSubtree() {
		// From the middle of the roster, where the demo profile flags weak accounts and other tests pick nobody.
		String inside = weakAccountIn("CS", 0);
		String outside = weakAccountOutside("CS", 0);
		String officer = DepartmentAdministrators.withRole(jdbc, "SECURITY_OFFICER", "CS",
				java.util.UUID.randomUUID().toString().substring(0, 8));
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		ApiClient department = new ApiClient(port).signIn(officer, IntegrationTest.DEMO_PASSWORD);

		assertThat(admin.get(REPORT + "/weak-accounts.csv", "text/csv").body()).contains("," + inside + ",")
			.contains("," + outside + ",");
		Response csv = department.get(REPORT + "/weak-accounts.csv", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("," + inside + ",").doesNotContain("," + outside + ",");

		var whole = admin.get(REPORT).json();
		var scoped = department.get(REPORT).json();
		assertThat(scoped.get("departments").valueStream().map(d -> d.get("code").asString())).contains("CS");
		assertThat(scoped.get("weak").asInt()).isPositive().isLessThan(whole.get("weak").asInt());
		assertThat(scoped.get("accounts").asInt()).isLessThan(whole.get("accounts").asInt());

		admin.postJson(REPORT + "/snapshots", "");
		int csWeak = admin.get(REPORT).json().get("departments").valueStream().filter(d -> d.get("code").asString().equals("CS"))
			.findFirst().orElseThrow().get("weak").asInt();
		var trend = department.get(REPORT + "/trend?days=1").json();
		assertThat(trend.get(0).get("weak").asInt()).isEqualTo(csWeak);
		assertThat(admin.get(REPORT + "/trend?days=1").json().get(0).get("weak").asInt())
			.isEqualTo(admin.get(REPORT).json().get("weak").asInt());
	}

	/** Flags the n-th demo person with one affiliation, in {@code college}, as weak; returns the username. */
	private String weakAccountIn(String college, int n) {
		return flagWeak("in", college, n);
	}

	private String weakAccountOutside(String college, int n) {
		return flagWeak("not in", college, n);
	}

	private String flagWeak(String membership, String college, int n) {
		String username = jdbc.sql("""
				with recursive tree(id) as (
				  select id from identity_org_unit where code = :college
				  union select o.id from identity_org_unit o join tree t on o.parent_id = t.id
				), roster as (
				  select a.username, a.person_id, row_number() over (order by a.username) as position, count(*) over () as total
				  from identity_account a where a.username ~ '^[0-9]+$' and a.enabled
				)
				select r.username from roster r
				where r.position between r.total * 0.4 and r.total * 0.7
				  and exists (select 1 from identity_affiliation f where f.person_id = r.person_id and f.is_primary
				              and f.org_unit_id %s (select id from tree))
				  and not exists (select 1 from identity_affiliation f where f.person_id = r.person_id and not f.is_primary)
				order by r.username offset :n limit 1""".formatted(membership))
			.param("college", college).param("n", n).query(String.class).single();
		jdbc.sql("update identity_account set password_weak = true, password_score = 1, password_scored_at = now() where username = :u")
			.param("u", username).update();
		return username;
	}

	@Test
	void theDemoUniversityHasWeakAccountsSpreadOverItsDepartments() {
		// What the demo profile does on a first start (here again: the choice depends only on the usernames).
		assertThat(demoWeakPasswords.flagWeakAccounts()).isEqualTo(DemoWeakPasswords.WEAK_NOW);
		var summary = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD).get(REPORT).json();
		assertThat(summary.get("weak").asInt()).isGreaterThanOrEqualTo(DemoWeakPasswords.WEAK_NOW);
		assertThat(summary.get("departments").valueStream().filter(d -> d.get("weak").asInt() > 0).count())
			.isGreaterThanOrEqualTo(10);
	}

	@Test
	void membersDoNotSeeTheReport() {
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		assertProblem(student.get(REPORT), 403, "auth.forbidden");
		assertProblem(student.get(REPORT + "/weak-accounts.csv", "application/problem+json, text/csv"), 403, "auth.forbidden");
	}

	@Test
	void csvCellsThatASpreadsheetWouldRunAreQuoted() {
		assertThat(WeakPasswordReportController.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(WeakPasswordReportController.cell("计算机学院")).isEqualTo("计算机学院");
		assertThat(WeakPasswordReportController.cell("a,b")).isEqualTo("\"a,b\"");
	}

	private Object scoredAt(String username) {
		return jdbc.sql("select password_scored_at from identity_account where username = :u").param("u", username)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).list().get(0); // null until scored
	}

	private boolean flag(String username) {
		return jdbc.sql("select password_weak from identity_account where username = :u").param("u", username)
			.query(Boolean.class).single();
	}
}
