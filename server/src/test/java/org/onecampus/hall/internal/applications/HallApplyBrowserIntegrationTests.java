package org.onecampus.hall.internal.applications;

import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 学生请假 through the hall in a real browser, on a desktop and on a 375 px phone: stu001 opens the apply page,
 * sees the prefilled values and where they come from, edits the restored draft and saves it, submits with a
 * double click (one application); cou001 approves it on the task page; stu001 sees it approved and rates it.
 */
@IntegrationTest
class HallApplyBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext springContext;

	BrowserContext context;

	@AfterEach
	void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void aStudentAppliesForLeaveTheCounsellorApprovesAndTheStudentRatesIt() {
		HallFixtures.install(springContext);
		ApiClient stu = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		UUID student = directory.personIdByUsername("stu001").orElseThrow();
		String[][] periods = { { "2027-03-08", "2027-03-09" }, { "2027-03-15", "2027-03-16" } };
		int round = 0;
		for (int width : new int[] { 1280, 375 }) {
			String[] period = periods[round++];
			stu.send("DELETE", "/api/v1/hall/drafts/student-leave", "application/json", HttpRequest.BodyPublishers.noBody());
			assertThat(stu.putJson("/api/v1/hall/drafts/student-leave", """
					{"formData": {"leaveType": "personal", "period": ["%s", "%s"], "leavesCampus": "no", "reason": "草稿"}}"""
				.formatted(period[0], period[1])).status()).isEqualTo(200);
			Instant before = Instant.now();

			context = Chromium.newContext(width, 812);
			Page page = signIn(context, "stu001", "/hall/services/student-leave/apply");
			assertThat(page.getByTestId("apply-prefill")).containsText("已锁定");
			assertThat(page.getByTestId("apply-prefill")).containsText("profile.");
			assertThat(page.getByTestId("prefill-tag").first()).isVisible();
			page.locator("[data-field=reason] textarea").fill("回家处理家事（" + width + "）");
			page.getByTestId("apply-save-draft").click();
			assertThat(page.locator(".el-message").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("草稿已保存")))
				.isVisible();
			assertThat(stu.get("/api/v1/hall/drafts/student-leave").json().get("formData").get("reason").asString())
				.isEqualTo("回家处理家事（" + width + "）");
			Chromium.screenshot(page, "hall-apply-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);

			page.getByTestId("apply-submit").dblclick();
			page.waitForURL(Pattern.compile(".*/hall/applications/[0-9a-f-]{36}$"));
			assertThat(page.getByTestId("application-status")).containsText("办理中");
			assertThat(page.getByTestId("application-current")).containsText("辅导员审批");
			assertThat(page.getByTestId("application-timeline")).containsText("提交申请");
			assertThat(page.locator("[data-testid=application-data] [data-field=reason] textarea"))
				.hasValue("回家处理家事（" + width + "）");
			String id = page.url().replaceAll(".*/hall/applications/", "");
			assertThat(jdbc.sql("select count(*) from hall_application where applicant_id = :p and submitted_at >= :t")
				.param("p", student).param("t", Timestamp.from(before)).query(Long.class).single()).isEqualTo(1);
			Chromium.screenshot(page, "hall-application-running-" + width + "-zh");

			ApiClient cou = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
			String instance = stu.get("/api/v1/hall/applications/" + id).json().get("instanceId").asString();
			String task = null;
			for (JsonNode item : cou.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
				if (item.get("instanceId").asString().equals(instance)) {
					task = item.get("taskId").asString();
				}
			}
			assertThat(task).isNotNull();
			BrowserContext counsellor = Chromium.newContext(width, 812);
			Page approver = signIn(counsellor, "cou001", "/workflow/tasks/" + task);
			approver.getByTestId("task-comment").fill("同意，注意安全");
			approver.getByTestId("task-approve").click();
			assertThat(approver.getByTestId("task-actions")).hasCount(0);
			counsellor.close();

			page.reload();
			assertThat(page.getByTestId("application-status")).containsText("已通过");
			assertThat(page.getByTestId("application-timeline")).containsText("同意，注意安全");
			page.getByTestId("application-rate").locator(".el-rate__item").nth(3).click();
			page.getByTestId("application-evaluation-comment").fill("审批很快");
			page.getByTestId("application-evaluate").click();
			assertThat(page.getByTestId("application-evaluation")).containsText("我的评价");
			assertThat(page.getByTestId("application-evaluation")).containsText("审批很快");
			Chromium.screenshot(page, "hall-application-approved-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);

			page.navigate("http://localhost:" + port + "/hall/applications");
			assertThat(page.getByTestId("applications-item").first()).containsText("学生请假");
			Chromium.screenshot(page, "hall-applications-" + width + "-zh");
			context.close();
			context = null;
		}
	}

	private Page signIn(BrowserContext browser, String username, String path) {
		Page page = browser.newPage();
		page.setDefaultTimeout(20_000);
		page.navigate("http://localhost:" + port + "/login?redirect=" + path);
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL(Pattern.compile(".*" + Pattern.quote(path)));
		return page;
	}
}
