package org.onecampus.web;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The task pages in a real browser: a counsellor finds a student's leave request in the to-do
 * list, opens it and approves it with a comment on a desktop; the college head sees it on a 375 px
 * phone. Screenshots go to target/screenshots.
 */
@IntegrationTest
class TasksBrowserIntegrationTests {

	@LocalServerPort
	int port;

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
	void aCounsellorApprovesALeaveRequestFromTheToDoListAndTheHeadSeesItOnAPhone() {
		String reason = "浏览器测试请假 " + System.nanoTime() % 10000;
		var started = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD).postJson(
				"/api/v1/workflow/instances",
				"{\"processKey\": \"leave\", \"formData\": {\"days\": 2, \"reason\": \"" + reason + "\"}}");
		org.assertj.core.api.Assertions.assertThat(started.status()).isEqualTo(201);

		Page page = signedIn("cou001", 1280, 860);
		// the task list keeps its route; the navigation now leads to the to-do centre instead
		page.navigate("http://localhost:" + port + "/workflow/tasks");
		assertThat(page.getByTestId("tasks-page")).isVisible();
		assertThat(page.getByTestId("tasks-list")).containsText("请假申请");
		Chromium.screenshot(page, "workflow-tasks-desktop");
		String taskId = null;
		ApiClient counsellor = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		for (var item : counsellor.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(started.json().get("id").asString())) {
				taskId = item.get("taskId").asString();
			}
		}
		page.navigate("http://localhost:" + port + "/workflow/tasks/" + taskId);
		assertThat(page.getByTestId("instance-data")).containsText(reason);
		Chromium.screenshot(page, "workflow-task-detail-desktop");
		page.getByTestId("task-comment").fill("同意，注意安全");
		page.getByTestId("task-approve").click();
		assertThat(page.getByTestId("instance-timeline")).containsText("同意，注意安全");
		assertThat(page.getByTestId("task-actions")).hasCount(0);

		Page phone = signedIn("head001", 375, 740);
		phone.navigate("http://localhost:" + port + "/workflow/tasks");
		assertThat(phone.getByTestId("tasks-list")).containsText("学院审批");
		phone.getByTestId("tasks-item").filter(new Locator.FilterOptions().setHasText("学院审批")).first().click();
		assertThat(phone.getByTestId("task-detail")).isVisible();
		Chromium.screenshot(phone, "workflow-task-detail-phone");
	}
}
