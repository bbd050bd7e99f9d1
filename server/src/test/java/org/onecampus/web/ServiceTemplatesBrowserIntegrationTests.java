package org.onecampus.web;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The service templates in a real browser: an administrator sees every template installed and installs one again
 * with a click (nothing changes); a visitor submits 入校备案申请 on the hall's apply page (phone), the host confirms
 * and the host's department head approves in the task pages, and the visitor finds the QR pass on the application. Screenshots go to target/screenshots.
 */
@IntegrationTest
class ServiceTemplatesBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	Page signedIn(String username, int width, int height) {
		if (context != null) {
			context.close();
		}
		context = Chromium.newContext(width, height);
		return Chromium.signIn(context, port, username);
	}

	@Test
	void anAdministratorInstallsATemplateWithOneClick() {
		Page page = signedIn("admin", 1280, 900);
		page.getByTestId("nav-item-hall-templates").click();
		assertThat(page.getByTestId("hall-templates")).isVisible();
		assertThat(page.getByTestId("template-campus-entry")).containsText("入校备案申请");
		assertThat(page.getByTestId("template-overseas-trip").getByTestId("template-state")).containsText("已安装");
		page.getByTestId("template-cloud-server").getByTestId("template-install").click();
		assertThat(page.locator(".el-message")).containsText("已是最新");
		Chromium.screenshot(page, "hall-templates-desktop");

		Page phone = signedIn("admin", 375, 760);
		phone.navigate("http://localhost:" + port + "/hall/templates");
		assertThat(phone.getByTestId("template-classroom-booking")).containsText("教室借用");
		Chromium.screenshot(phone, "hall-templates-phone");
	}

	@Test
	void aVisitorSubmitsAnEntryRegistrationInTheHallAndTheHostDepartmentApprovesIt() {
		String host = jdbc.sql("select person_id from identity_account where username = 'fac001'").query(UUID.class).single()
			.toString();
		String purpose = "合作项目洽谈 " + System.nanoTime() % 10000;
		ApiClient visitor = new ApiClient(port).signIn("visitor001", IntegrationTest.DEMO_PASSWORD);
		// The visitor's saved draft (the person and time pickers are tested with the form renderer); the visitor
		// submits it on the hall's apply page.
		var draft = visitor.putJson("/api/v1/hall/drafts/campus-entry", """
				{"formData": {"phone": "13800138000", "host": "%s", "visitFrom": "%s", "visitTo": "%s",
				 "plateNumber": "沪B8K2M7", "companions": 0, "purpose": "%s"}}""".formatted(host,
				OffsetDateTime.now().plusHours(2).truncatedTo(ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME),
				OffsetDateTime.now().plusHours(6).truncatedTo(ChronoUnit.SECONDS).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME), purpose));
		org.assertj.core.api.Assertions.assertThat(draft.status()).as(draft.body()).isEqualTo(200);

		Page phone = signedIn("visitor001", 375, 760);
		phone.navigate("http://localhost:" + port + "/hall/services/campus-entry/apply");
		assertThat(phone.getByTestId("apply-form")).isVisible();
		assertThat(phone.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("车牌号"))).hasValue("沪B8K2M7");
		Chromium.screenshot(phone, "hall-campus-entry-apply-phone");
		phone.getByTestId("apply-submit").click();
		assertThat(phone.getByTestId("application-detail")).isVisible();
		String application = phone.url().substring(phone.url().lastIndexOf('/') + 1);
		var submitted = visitor.get("/api/v1/hall/applications/" + application).json();
		org.assertj.core.api.Assertions.assertThat(submitted.get("status").asString()).isEqualTo("RUNNING");
		String instance = submitted.get("instanceId").asString();
		org.assertj.core.api.Assertions.assertThat(visitor.get("/api/v1/workflow/instances/" + instance).json()
			.get("formData").get("plateNumber").asString()).isEqualTo("沪B8K2M7");

		Page hostPage = signedIn("fac001", 1280, 860);
		hostPage.navigate("http://localhost:" + port + "/workflow/tasks/" + taskOf("fac001", instance));
		assertThat(hostPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("接待人确认");
		hostPage.getByTestId("task-comment").fill("确认接待");
		hostPage.getByTestId("task-approve").click();
		assertThat(hostPage.getByTestId("instance-timeline")).containsText("确认接待");

		Page department = signedIn("head001", 1280, 860);
		department.navigate("http://localhost:" + port + "/workflow/tasks/" + taskOf("head001", instance));
		assertThat(department.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("接待部门审批");
		Chromium.screenshot(department, "hall-campus-entry-department-desktop");
		department.getByTestId("task-comment").fill("同意入校");
		department.getByTestId("task-approve").click();
		assertThat(department.getByTestId("instance-timeline")).containsText("同意入校");

		Page done = signedIn("visitor001", 375, 760);
		done.navigate("http://localhost:" + port + "/hall/applications/" + application);
		assertThat(done.getByTestId("application-result")).containsText("入校通行证");
		Chromium.screenshot(done, "hall-campus-entry-pass-phone");
		org.assertj.core.api.Assertions.assertThat(visitor.download("/api/v1/hall/applications/" + application
				+ "/results/pass.png")).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
	}

	String taskOf(String username, String instance) {
		ApiClient client = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		for (var item : client.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(instance)) {
				return item.get("taskId").asString();
			}
		}
		throw new AssertionError(username + " has no task of " + instance);
	}
}
