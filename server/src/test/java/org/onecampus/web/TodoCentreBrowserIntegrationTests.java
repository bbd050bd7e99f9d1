package org.onecampus.web;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.todo.PushingSystems;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The to-do centre in a real browser: the counsellor finds two leave requests and a to-do a campus
 * system pushed, approves both leave requests at once, and the pushed to-do links into its system
 * through CAS; on a 375 px phone the task page keeps form, history and the decision on one screen.
 * Screenshots go to target/screenshots.
 */
@IntegrationTest
class TodoCentreBrowserIntegrationTests {

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

	String startLeave(ApiClient student, String reason) {
		ApiClient.Response started = student.postJson("/api/v1/workflow/instances", """
				{"processKey": "student-leave", "formData": {"leaveType": "personal", "period": ["2026-12-21", "2026-12-22"],
				 "reason": "%s", "leavesCampus": "no"}}""".formatted(reason));
		org.assertj.core.api.Assertions.assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json().get("id").asString();
	}

	String pushToCounsellor(String id, String title) {
		ApiClient.Response pushed = PushingSystems.demoSystem(port, "hall.todo").putJson("/api/v1/hall/external-todos/demo-system/" + id, """
					{"title": {"zh-CN": "%s", "en-US": "Sign the document"}, "assignee": {"username": "cou001"},
					 "deepLink": "http://localhost:9999/docs/%s", "category": "公文", "priority": "URGENT",
					 "applicantName": "党政办公室"}""".formatted(title, id));
		org.assertj.core.api.Assertions.assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
		return pushed.json().get("openUrl").asString();
	}

	@Test
	void aCounsellorApprovesTwoLeaveRequestsAtOnceAndOpensAPushedToDoInItsSystem() {
		String run = Long.toString(System.nanoTime() % 100000);
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		List<String> instances = new ArrayList<>(List.of(startLeave(student, "批量审批测试一 " + run),
				startLeave(student, "批量审批测试二 " + run)));
		String docId = "doc-" + run;
		String openUrl = pushToCounsellor(docId, "会签公文 " + run);

		Page page = signedIn("cou001", 1280, 860);
		page.getByTestId("nav-item-todo").click();
		assertThat(page.getByTestId("todo-page")).isVisible();
		Locator external = page.getByTestId("todo-item").filter(new Locator.FilterOptions().setHasText("会签公文 " + run));
		assertThat(external).hasCount(1);
		assertThat(external.getByTestId("todo-system")).hasText("示例校园系统");
		assertThat(external.getByTestId("todo-open")).hasAttribute("href", openUrl);
		assertThat(external.getByTestId("todo-open")).hasAttribute("target", "_blank");
		org.assertj.core.api.Assertions.assertThat(openUrl).startsWith("/cas/login?service=");
		assertThat(page.locator(".el-loading-mask")).hasCount(0);
		Chromium.screenshot(page, "todo-centre-desktop");

		ApiClient counsellor = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		List<String> tasks = new ArrayList<>();
		for (var item : counsellor.get("/api/v1/hall/todos?scope=todo&source=workflow&size=100").json().get("items")) {
			if (instances.contains(item.path("instanceId").asString(""))) {
				tasks.add(item.get("taskId").asString());
			}
		}
		org.assertj.core.api.Assertions.assertThat(tasks).hasSize(2);
		for (String task : tasks) {
			page.locator("[data-testid=todo-item][data-id='" + task + "']").getByTestId("todo-select").click();
		}
		assertThat(page.getByTestId("todo-batch-approve")).containsText("2");
		page.getByTestId("todo-batch-approve").click();
		page.locator(".el-message-box textarea").fill("同意，批量审批");
		page.locator(".el-message-box .el-button--primary").click();
		assertThat(page.locator(".el-message")).containsText("已同意 2 项");
		assertThat(page.locator("[data-testid=todo-item][data-id='" + tasks.get(0) + "']")).hasCount(0);
		String done = counsellor.get("/api/v1/hall/todos?scope=done&source=workflow&size=100").body();
		org.assertj.core.api.Assertions.assertThat(done).contains(instances.get(0), instances.get(1));
		for (String instance : instances) {
			org.assertj.core.api.Assertions.assertThat(student.get("/api/v1/workflow/instances/" + instance).json()
				.get("status").asString()).isEqualTo("APPROVED");
		}

		// the pushed to-do opens its system through CAS: the platform hands the browser to the service
		context.route("http://localhost:9999/**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
			.setContentType("text/html; charset=utf-8").setBody("<h1>示例公文系统</h1>")));
		Page opened = page.waitForPopup(() -> page.getByTestId("todo-item")
			.filter(new Locator.FilterOptions().setHasText("会签公文 " + run)).getByTestId("todo-open").click());
		opened.waitForURL(url -> url.startsWith("http://localhost:9999/docs/" + docId),
				new Page.WaitForURLOptions().setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
		org.assertj.core.api.Assertions.assertThat(opened.url()).contains("ticket=ST-");
		opened.close();
	}

	@Test
	void onAPhoneTheToDoCentreIsOneColumnAndTheTaskPageKeepsTheDecisionInView() {
		String run = Long.toString(System.nanoTime() % 100000);
		String instance = startLeave(new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD),
				"手机审批测试 " + run);
		Page phone = signedIn("cou001", 375, 740);
		phone.navigate("http://localhost:" + port + "/todo");
		assertThat(phone.getByTestId("todo-list")).isVisible();
		assertThat(phone.locator(".el-loading-mask")).hasCount(0);
		Chromium.screenshot(phone, "todo-centre-phone");

		ApiClient counsellor = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		String taskId = null;
		for (var item : counsellor.get("/api/v1/hall/todos?scope=todo&source=workflow&size=100").json().get("items")) {
			if (instance.equals(item.path("instanceId").asString(""))) {
				taskId = item.get("taskId").asString();
			}
		}
		phone.navigate("http://localhost:" + port + "/workflow/tasks/" + taskId);
		assertThat(phone.getByTestId("task-form")).isVisible();
		assertThat(phone.getByTestId("task-form").locator("textarea").first()).hasValue("手机审批测试 " + run);
		assertThat(phone.getByTestId("instance-timeline")).isVisible();
		Locator approve = phone.getByTestId("task-approve");
		assertThat(approve).isInViewport();
		Chromium.screenshot(phone, "todo-task-phone");
		phone.getByTestId("instance-timeline").scrollIntoViewIfNeeded();
		assertThat(approve).isInViewport();
		phone.getByTestId("task-comment").fill("同意");
		approve.click();
		assertThat(phone.getByTestId("task-actions")).hasCount(0);
		assertThat(phone.getByTestId("instance-timeline")).containsText("同意");
	}
}
