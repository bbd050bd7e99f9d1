package org.onecampus.identity.internal.passwords;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
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

	@Test
	void aSignInWithAWeakPasswordFlagsTheAccountWithoutKeepingThePasswordAndTheReportCountsIt() {
		DemoPeople people = new DemoPeople(jdbc);
		String weak = people.undergraduate(20).username();
		String strong = people.undergraduate(21).username();
		people.storeHash(weak, encoder.encode("Abc@123456"));
		people.storeHash(strong, encoder.encode("Lantern#2718-wavelet"));
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		int weakBefore = admin.get(REPORT).json().get("weak").asInt();

		new ApiClient(port).signIn(weak, "Abc@123456");
		new ApiClient(port).signIn(strong, "Lantern#2718-wavelet");

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

	private boolean flag(String username) {
		return jdbc.sql("select password_weak from identity_account where username = :u").param("u", username)
			.query(Boolean.class).single();
	}
}
