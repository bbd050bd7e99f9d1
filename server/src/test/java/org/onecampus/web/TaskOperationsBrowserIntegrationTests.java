package org.onecampus.web;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations on a task in a real browser: the counsellor opens a leave request, picks the return
 * target from the list the server offers and returns it to the applicant, who sees it returned and
 * resubmits it; on a desktop and on a 375 px phone.
 */
@IntegrationTest
class TaskOperationsBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	@AfterEach
	void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void aCounsellorReturnsALeaveRequestToTheStudentWhoResubmitsIt() {
		ApiClient stu = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ApiClient cou = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		for (int width : new int[] { 1280, 375 }) {
			UUID id = UUID.fromString(stu.postJson("/api/v1/workflow/instances",
					"{\"processKey\": \"leave\", \"formData\": {\"days\": 2, \"reason\": \"看病\"}}").json().get("id").asString());
			String task = null;
			for (var item : cou.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
				if (item.get("instanceId").asString().equals(id.toString())) {
					task = item.get("taskId").asString();
				}
			}
			assertThat(task).isNotNull();

			if (context != null) {
				context.close();
			}
			context = Chromium.newContext(width, 812);
			Page page = signIn(context, "cou001", "/workflow/tasks/" + task);
			page.getByTestId("task-op-return").click();
			assertThat(page.getByTestId("return-targets")).containsText("申请人");
			page.getByTestId("task-op-comment").fill("请附上病历");
			Chromium.screenshot(page, "task-return-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
			page.getByTestId("task-op-confirm").click();
			assertThat(page.getByTestId("task-actions")).hasCount(0);
			assertThat(page.getByTestId("instance-timeline")).containsText("退回");

			Page applicant = signIn(Chromium.newContext(width, 812), "stu001", "/workflow/instances/" + id);
			assertThat(applicant.getByTestId("instance-actions")).containsText("您的申请已被退回");
			Chromium.screenshot(applicant, "instance-returned-" + width + "-zh");
			applicant.getByTestId("instance-resubmit").click();
			assertThat(applicant.getByTestId("instance-timeline")).containsText("重新提交");
			assertThat(applicant.getByTestId("instance-urge")).hasCount(1);
			applicant.context().close();
		}
	}

	/**
	 * A parallel signer on a one-person node: the node becomes a multi-person node and the counsellor's task
	 * is replaced; the page follows to the new task, which can still be approved.
	 */
	@Test
	void aParallelSignerKeepsTheCounsellorOnTheTaskThatReplacedTheirs() {
		ApiClient stu = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ApiClient cou = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		UUID id = UUID.fromString(stu.postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"leave\", \"formData\": {\"days\": 2, \"reason\": \"回家\"}}").json().get("id").asString());
		String task = todo(cou, id);
		context = Chromium.newContext(1280, 812);
		Page page = signIn(context, "cou001", "/workflow/tasks/" + task);
		page.getByTestId("task-op-addSigner").click();
		page.getByTestId("task-op-person").fill("it001");
		page.getByTestId("signer-position-PARALLEL").click();
		page.getByTestId("task-op-comment").fill("请一并审核");
		page.getByTestId("task-op-confirm").click();
		page.waitForURL(url -> url.contains("/workflow/tasks/") && !url.endsWith("/workflow/tasks/" + task));
		String replacement = page.url().substring(page.url().lastIndexOf('/') + 1);
		assertThat(replacement).isEqualTo(todo(cou, id));
		assertThat(page.getByTestId("instance-timeline")).containsText("加签");
		assertThat(page.getByTestId("task-actions")).hasCount(1);
		Chromium.screenshot(page, "task-parallel-signer-1280-zh");
		assertThat(todo(new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD), id)).isNotNull();
	}

	/** The open task of the person in the instance, from their to-do list. */
	private static String todo(ApiClient person, UUID instance) {
		for (var item : person.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(instance.toString())) {
				return item.get("taskId").asString();
			}
		}
		return null;
	}

	private Page signIn(BrowserContext browser, String username, String path) {
		Page page = browser.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate("http://localhost:" + port + "/login?redirect=" + path);
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL(Pattern.compile(".*" + Pattern.quote(path)));
		return page;
	}
}
