package org.onecampus.web;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's end-to-end browser test, everything through the UI: the process designer intl001 (流程管理员) designs a
 * new form in the form designer (a text, a date range and a number dragged or clicked from the palette, labels,
 * required) and publishes it; creates a process in the simple designer bound to that form with two approver nodes
 * (the applicant's class counsellor, then the college head) and publishes it; stu001 applies from the start page;
 * the counsellor cou001 and the head head001 each approve from their to-do list; the instance ends APPROVED on the
 * applicant's page (the form shown with its labels, the timeline with both approvals) and in the API. Every step is
 * photographed at 1280 and 375 px (target/screenshots/e2e-*).
 */
@IntegrationTest
class DesignAndRunProcessBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	@BeforeEach
	void patientAssertions() {
		// the designers load bpmn-js and the form renderer on demand; on a busy two-core machine that takes a while
		PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
	}

	@AfterEach
	void closeContext() {
		PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
		if (context != null) {
			context.close();
		}
	}

	Page signedIn(String username) {
		if (context != null) {
			context.close();
		}
		// the steps read the demo's Chinese: another test may have left this person on English
		new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD)
			.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}");
		context = Chromium.newContext(1280, 900);
		Page page = Chromium.signIn(context, port, username);
		page.setDefaultTimeout(30_000);
		page.onResponse(response -> {
			if (response.url().contains("/api/v1/workflow/") && response.status() >= 400) {
				System.out.println("workflow call failed: " + response.request().method() + " " + response.url() + " → "
						+ response.status() + " " + response.text());
			}
		});
		return page;
	}

	void open(Page page, String path) {
		page.navigate("http://localhost:" + port + path);
	}

	/** The page at desktop width, then at 375 px (the phone layout), then back. */
	static void shoot(Page page, String step) {
		Chromium.screenshot(page, "e2e-" + step + "-1280");
		page.setViewportSize(375, 800);
		page.waitForTimeout(300); // the layout switches on a resize listener; let it settle before the picture
		Chromium.screenshot(page, "e2e-" + step + "-375");
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).as(step + " fits 375 px")
			.isEqualTo(true);
		page.setViewportSize(1280, 900);
		page.waitForTimeout(300);
	}

	/** Element Plus puts data-testid on the wrapper of el-input; the native input is inside. */
	static Locator input(Page page, String testId) {
		return page.locator("input[data-testid='" + testId + "'], [data-testid='" + testId + "'] input").first();
	}

	/** HTML5 drag and drop with one DataTransfer, as the browser sends it (see FormDesignerBrowserIntegrationTests). */
	static void drag(Page page, Locator source, Locator target) {
		JSHandle transfer = page.evaluateHandle("() => new DataTransfer()");
		source.dispatchEvent("dragstart", Map.of("dataTransfer", transfer));
		target.dispatchEvent("dragover", Map.of("dataTransfer", transfer));
		target.dispatchEvent("drop", Map.of("dataTransfer", transfer));
	}

	static void properties(Page page, String key, String zh, String en) {
		input(page, "prop-key").fill(key);
		input(page, "prop-label-zh").fill(zh);
		input(page, "prop-label-en").fill(en);
		page.getByTestId("prop-required").click();
	}

	@Test
	void aDesignerBuildsAFormAndAProcessAndTwoApproversApproveAStudentsApplication() {
		try {
			designAndRun();
		}
		catch (RuntimeException | AssertionError ex) {
			if (context != null) {
				context.pages().forEach(p -> Chromium.screenshot(p, "e2e-failure"));
			}
			throw ex;
		}
	}

	void designAndRun() {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String formKey = "survey-" + suffix;
		String processKey = "survey-trip-" + suffix;
		String processName = "校外调研申请 " + suffix;

		// 1. the form designer: a new form with a text, a date range and a number, all required
		Page page = signedIn("intl001");
		open(page, "/workflow/forms");
		page.getByTestId("new-form").click();
		input(page, "new-form-key").fill(formKey);
		input(page, "new-form-name-zh").fill("校外调研 " + suffix);
		input(page, "new-form-name-en").fill("Field survey " + suffix);
		page.getByTestId("new-form-submit").click();
		page.waitForURL(Pattern.compile(".*/workflow/forms/" + formKey));
		page.locator("[data-widget='text']").click();
		properties(page, "destination", "调研地点", "Destination");
		drag(page, page.locator("[data-widget='daterange']"), page.getByTestId("canvas"));
		properties(page, "period", "调研时间", "Period");
		drag(page, page.locator("[data-widget='number']"), page.getByTestId("canvas"));
		properties(page, "members", "同行人数", "Members");
		Locator canvas = page.getByTestId("canvas-field");
		assertThat(canvas).hasCount(3);
		assertThat(canvas.nth(0)).hasAttribute("data-key", "destination");
		assertThat(canvas.nth(1)).hasAttribute("data-key", "period");
		assertThat(canvas.nth(2)).hasAttribute("data-key", "members");
		assertThat(canvas.nth(2).locator(".star")).isVisible();
		shoot(page, "1-form-designer");
		page.getByTestId("save-draft").click();
		assertThat(page.locator(".el-message--success").last()).containsText("草稿已保存");
		page.getByTestId("publish").click();
		page.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(page.locator(".el-message--success").last()).containsText("已发布版本 v1");
		shoot(page, "2-form-published");

		// 2. the simple designer: bound to that form, counsellor then college head
		open(page, "/workflow/processes");
		page.getByTestId("process-new").click();
		page.getByTestId("process-create-key").fill(processKey);
		page.getByTestId("process-create-name-zh").fill(processName);
		page.getByTestId("process-create-name-en").fill("Field survey " + suffix);
		page.getByTestId("process-create-submit").click();
		page.waitForURL(Pattern.compile(".*/workflow/processes/" + processKey));
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("基本信息")).click();
		ProcessDesignerBrowserIntegrationTests.choose(page, page.getByTestId("process-form"), formKey);
		assertThat(page.getByTestId("process-form-version")).containsText("1");
		shoot(page, "3-process-basics");
		page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("流程设计")).click();
		ProcessDesignerBrowserIntegrationTests.insert(page, page.getByTestId("add-after-start"), "APPROVER");
		Locator drawer = page.locator(".el-drawer:visible");
		drawer.getByTestId("node-name-zh").fill("辅导员审批");
		assertThat(drawer.getByTestId("assignee-position")).containsText("班级辅导员");
		ProcessDesignerBrowserIntegrationTests.closeDrawer(page);
		Locator counsellorNode = page.locator(".node-card").filter(new Locator.FilterOptions().setHasText("辅导员审批"));
		String counsellorId = counsellorNode.getAttribute("data-testid").substring("node-".length());
		ProcessDesignerBrowserIntegrationTests.insert(page, page.getByTestId("add-after-" + counsellorId), "APPROVER");
		drawer.getByTestId("node-name-zh").fill("学院审批");
		ProcessDesignerBrowserIntegrationTests.choose(page, drawer.getByTestId("assignee-position"), "学院院长");
		ProcessDesignerBrowserIntegrationTests.closeDrawer(page);
		assertThat(page.locator(".node-card").filter(new Locator.FilterOptions().setHasText("学院审批")))
			.containsText("学院院长");
		assertThat(page.getByTestId("designer-status")).containsText("流程配置完整");
		shoot(page, "4-process-designer");
		page.getByTestId("process-save").click();
		assertThat(page.locator(".el-message--success").last()).containsText("草稿已保存");
		page.getByTestId("process-publish").click();
		page.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(page.locator(".el-message--success").last()).containsText("已发布第 1 版");
		shoot(page, "5-process-published");

		// 3. the student applies from the start page
		page = signedIn("stu001");
		open(page, "/workflow/tasks");
		page.getByTestId("start-new").click();
		page.waitForURL(Pattern.compile(".*/workflow/start"));
		assertThat(page.getByTestId("start-list")).containsText(processName);
		shoot(page, "6-start-list");
		page.getByTestId("start-" + processKey).click();
		Locator form = page.getByTestId("start-form");
		assertThat(form).containsText("调研地点");
		// submitting empty shows the required fields
		page.getByTestId("start-submit").click();
		assertThat(form.locator(".field-error")).hasCount(3);
		form.locator("[data-field=destination] input").fill("上海张江科学城");
		Locator range = form.locator("[data-field=period] input.el-range-input");
		range.nth(0).click();
		range.nth(0).fill("2026-12-01");
		range.nth(1).fill("2026-12-03");
		range.nth(1).press("Enter");
		page.keyboard().press("Escape");
		form.locator("[data-field=members] input").fill("3");
		form.locator("[data-field=members] input").press("Tab");
		shoot(page, "7-start-form");
		page.getByTestId("start-submit").click();
		page.waitForURL(Pattern.compile(".*/workflow/instances/.+"));
		String instanceId = page.url().replaceAll(".*/workflow/instances/", "");
		assertThat(page.getByTestId("instance-detail")).containsText("审批中");
		assertThat(page.getByTestId("instance-data")).containsText("调研地点");
		assertThat(page.getByTestId("instance-data").locator("[data-field=destination] input")).hasValue("上海张江科学城");
		shoot(page, "8-applicant-submitted");

		// 4. the counsellor, then the college head approve from their to-do lists
		approveFromTodo("cou001", processName, "辅导员审批", "同意，注意安全", "9-counsellor");
		approveFromTodo("head001", processName, "学院审批", "同意", "10-college-head");

		// 5. the applicant sees it approved, with both approvals in the timeline
		page = signedIn("stu001");
		open(page, "/workflow/instances/" + instanceId);
		assertThat(page.getByTestId("instance-detail").locator("header")).containsText("已通过");
		Locator timeline = page.getByTestId("instance-timeline");
		assertThat(timeline).containsText("辅导员审批");
		assertThat(timeline).containsText("同意，注意安全");
		assertThat(timeline).containsText("学院审批");
		assertThat(timeline.locator(".el-timeline-item").filter(new Locator.FilterOptions().setHasText("刘婷"))).not().hasCount(0);
		assertThat(timeline.locator(".el-timeline-item").filter(new Locator.FilterOptions().setHasText("赵志强"))).not().hasCount(0);
		shoot(page, "11-applicant-approved");

		JsonNode instance = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD)
			.get("/api/v1/workflow/instances/" + instanceId).json();
		assertThat(instance.path("status").asString()).isEqualTo("APPROVED");
		assertThat(instance.path("formData").path("destination").asString()).isEqualTo("上海张江科学城");
		assertThat(instance.path("formData").path("period").toString()).isEqualTo("[\"2026-12-01\",\"2026-12-03\"]");
		assertThat(instance.path("formData").path("members").asInt()).isEqualTo(3);
		var approvals = new java.util.ArrayList<String>();
		instance.path("timeline").forEach(step -> {
			if ("APPROVED".equals(step.path("action").asString())) {
				approvals.add(step.path("nodeName").path("zh-CN").asString() + "/" + step.path("actor").path("name").asString());
			}
		});
		assertThat(approvals).containsExactly("辅导员审批/刘婷", "学院审批/赵志强");
	}

	void approveFromTodo(String username, String processName, String nodeName, String comment, String step) {
		Page page = signedIn(username);
		open(page, "/workflow/tasks");
		Locator item = page.getByTestId("tasks-item")
			.filter(new Locator.FilterOptions().setHasText(processName))
			.filter(new Locator.FilterOptions().setHasText(nodeName));
		assertThat(item).hasCount(1);
		shoot(page, step + "-todo");
		item.click();
		assertThat(page.getByTestId("task-form")).containsText("调研地点");
		assertThat(page.getByTestId("task-form").locator("[data-field=destination] input")).hasValue("上海张江科学城");
		page.getByTestId("task-comment").fill(comment);
		shoot(page, step + "-task");
		page.getByTestId("task-approve").click();
		assertThat(page.getByTestId("instance-timeline")).containsText(comment);
		assertThat(page.getByTestId("task-actions")).hasCount(0);
	}
}
