package org.onecampus.identity.internal.org;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.OrgChart;
import org.onecampus.identity.OrgChart.ApproverRule;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Approver rules resolved on the demo university, as workflow will call them. */
@IntegrationTest
class OrgChartIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	OrgChart orgChart;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCounsellorOfStu001sClassIsCou001() {
		assertThat(orgChart.resolve(person("stu001"), new ApproverRule.ClassCounsellor())).containsExactly(person("cou001"));
	}

	@Test
	void theHeadOfTheStudentsCollegeIsHead001() {
		assertThat(orgChart.resolve(person("stu001"), new ApproverRule.CollegeHead())).containsExactly(person("head001"));
		assertThat(orgChart.resolve(person("fac001"), new ApproverRule.CollegeHead())).containsExactly(person("head001"));
	}

	@Test
	void theSupervisorOfGrad001IsFac001() {
		assertThat(orgChart.resolve(person("grad001"), new ApproverRule.Supervisor())).containsExactly(person("fac001"));
		assertThat(orgChart.resolve(person("stu001"), new ApproverRule.Supervisor())).isEmpty();
	}

	@Test
	void levelsUpClimbToTheNextUnitWithAHead() {
		assertThat(orgChart.resolve(person("fac001"), new ApproverRule.LevelsUp(1))).containsExactly(person("head001"));
		var twoUp = orgChart.resolve(person("fac001"), new ApproverRule.LevelsUp(2));
		assertThat(twoUp).hasSize(1).doesNotContain(person("head001"));
		assertThat(orgChart.resolve(person("head001"), new ApproverRule.LevelsUp(1))).isEqualTo(twoUp);
		assertThat(orgChart.resolve(person("fac001"), new ApproverRule.LevelsUp(40))).isEmpty();
	}

	@Test
	void anAdministratorPreviewsARuleAndAnUnknownRuleIsRefused() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response preview = admin.get("/api/v1/identity/people/" + person("stu001") + "/approvers?rule=class-counsellor");
		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get(0).asString()).isEqualTo(person("cou001").toString());
		ProblemAssertions.assertProblem(admin.get("/api/v1/identity/people/" + person("stu001") + "/approvers?rule=boss"), 422,
				"identity.approver-rule");
	}

	private UUID person(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username).query(UUID.class).single();
	}
}
