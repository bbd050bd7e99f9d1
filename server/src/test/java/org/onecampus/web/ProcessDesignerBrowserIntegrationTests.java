package org.onecampus.web;

import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
 * The process designers in a real browser: an administrator creates a process, builds the chain
 * counsellor → (more than 3 days) college head with a condition branch in the simple designer, saves
 * and publishes it, looks at the generated BPMN of version 1, then switches to the BPMN modeler and
 * changes a user task's approver configuration in our properties panel. On a 375 px phone the list,
 * the read-only design and the version viewer work. Screenshots go to target/screenshots.
 */
@IntegrationTest
class ProcessDesignerBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	/** The designer loads bpmn-js on demand; on a busy two-core machine that takes a while. */
	@BeforeEach
	void patientAssertions() {
		PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
	}

	@AfterEach
	void closeContext() {
		PlaywrightAssertions.setDefaultAssertionTimeout(5_000);
		if (context != null) {
			context.close();
		}
	}

	Page signedIn(int width) {
		if (context != null) {
			context.close();
		}
		context = Chromium.newContext(width, 900);
		Page page = context.newPage();
		page.setDefaultTimeout(30_000);
		// a failing workflow call is printed, so a broken run says why
		page.onResponse(response -> {
			if (response.url().contains("/api/v1/workflow/") && response.status() >= 400) {
				System.out.println("workflow call failed: " + response.request().method() + " " + response.url() + " → "
						+ response.status() + " " + response.text());
			}
		});
		page.navigate("http://localhost:" + port + "/login?redirect=/workflow/processes");
		page.getByTestId("login-username").fill("admin");
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		page.waitForURL(Pattern.compile(".*/workflow/processes"));
		return page;
	}

	/** Clicks a "+" and picks a node type from its menu. */
	static void insert(Page page, Locator plus, String type) {
		String testId = plus.getAttribute("data-testid");
		plus.click();
		page.getByTestId(testId + "-" + type).click();
	}

	static void choose(Page page, Locator select, String option) {
		select.click();
		page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(option)).first().click();
	}

	static void closeDrawer(Page page) {
		page.locator(".el-drawer__close-btn:visible").click();
		assertThat(page.locator(".el-drawer:visible")).hasCount(0);
	}

	@Test
	void anAdministratorDesignsAChainWithAConditionPublishesItAndEditsATaskInTheBpmnModeler() {
		try {
			designPublishAndModel();
		}
		catch (RuntimeException | AssertionError ex) {
			context.pages().forEach(p -> Chromium.screenshot(p, "process-designer-failure"));
			throw ex;
		}
	}

	void designPublishAndModel() {
		String key = "leave-" + UUID.randomUUID().toString().substring(0, 6);
		Page page = signedIn(1280);
		assertThat(page.getByTestId("processes-page")).isVisible();

		page.getByTestId("process-new").click();
		page.getByTestId("process-create-key").fill(key);
		page.getByTestId("process-create-name-zh").fill("学生请假（浏览器测试）");
		page.getByTestId("process-create-name-en").fill("Student leave (browser test)");
		page.getByTestId("process-create-submit").click();
		page.waitForURL(Pattern.compile(".*/workflow/processes/" + key));
		assertThat(page.getByTestId("simple-designer")).isVisible();

		// counsellor of the applicant's class, any one of them
		insert(page, page.getByTestId("add-after-start"), "APPROVER");
		Locator drawer = page.locator(".el-drawer:visible");
		drawer.getByTestId("node-name-zh").fill("辅导员审批");
		assertThat(drawer.getByTestId("assignee-position")).containsText("班级辅导员");
		closeDrawer(page);
		Locator counsellor = page.locator(".node-card").filter(new Locator.FilterOptions().setHasText("辅导员审批"));
		assertThat(counsellor).containsText("班级辅导员 · 或签");

		// condition: more than 3 days goes to the dean of the college, all of them
		String counsellorId = counsellor.getAttribute("data-testid").substring("node-".length());
		insert(page, page.getByTestId("add-after-" + counsellorId), "CONDITION");
		Locator firstBranch = page.locator("[data-testid^=branch-b_]").first();
		String branchId = firstBranch.getAttribute("data-testid").substring("branch-".length());
		assertThat(page.getByTestId("designer-status")).containsText("需要完善");
		firstBranch.click();
		page.getByTestId("condition-input").fill("days > 3");
		assertThat(page.getByTestId("condition-ok")).isVisible();
		closeDrawer(page);
		insert(page, page.getByTestId("add-in-" + branchId), "APPROVER");
		drawer.getByTestId("node-name-zh").fill("学院审批");
		choose(page, drawer.getByTestId("assignee-position"), "学院院长");
		drawer.getByTestId("multi-mode").getByText("会签").click();
		closeDrawer(page);
		assertThat(page.locator(".node-card").filter(new Locator.FilterOptions().setHasText("学院审批")))
			.containsText("学院院长 · 会签");
		assertThat(page.getByTestId("designer-status")).containsText("流程配置完整");
		Chromium.screenshot(page, "process-designer-simple-1280");

		page.getByTestId("process-save").click();
		assertThat(page.locator(".el-message--success").last()).containsText("草稿已保存");
		page.getByTestId("process-publish").click();
		page.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(page.locator(".el-message--success").last()).containsText("已发布第 1 版");

		ApiClient api = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		JsonNode version = api.get("/api/v1/workflow/processes/" + key + "/versions/1").json();
		assertThat(version.path("bpmnXml").asString()).contains("onecampus:config").contains("&quot;college-head&quot;");
		assertThat(version.path("model").toString()).contains("days > 3");

		page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("版本历史")).click();
		page.getByTestId("version-view-1").click();
		Locator dialog = page.locator(".el-dialog:visible");
		assertThat(dialog.locator("[data-element-id=n_start], [data-element-id=start]").first()).isVisible();
		assertThat(dialog.locator(".djs-element")).not().hasCount(0);
		Chromium.screenshot(page, "process-designer-version-1280");
		page.locator(".el-dialog__headerbtn:visible").click();

		// the BPMN modeler: start over with a BPMN draft and make its task "all must approve"
		page.getByRole(com.microsoft.playwright.options.AriaRole.TAB, new Page.GetByRoleOptions().setName("流程设计")).click();
		page.getByTestId("designer-kind").getByText("BPMN 建模").click();
		page.locator(".el-message-box__btns .el-button--primary").click();
		Locator task = page.locator("[data-testid=bpmn-canvas] [data-element-id=task1]");
		task.click();
		Locator panel = page.getByTestId("bpmn-panel");
		assertThat(panel.getByTestId("bpmn-id")).hasValue("task1");
		panel.getByTestId("multi-mode").getByText("会签").click();
		panel.getByTestId("bpmn-name").fill("学工部审批");
		panel.getByTestId("bpmn-name").press("Enter");
		assertThat(task).containsText("学工部审批");
		Chromium.screenshot(page, "process-designer-bpmn-1280");
		page.getByTestId("process-save").click();
		assertThat(page.locator(".el-message--success").last()).containsText("草稿已保存");

		JsonNode draft = api.get("/api/v1/workflow/processes/" + key).json();
		String xml = draft.path("bpmnXml").asString();
		assertThat(xml).contains("xmlns:onecampus=\"https://onecampus.org/schema/bpmn\"").contains("学工部审批");
		assertThat(xml).containsPattern("onecampus:config=\"[^\"]*multi(&#34;|&quot;):(&#34;|&quot;)ALL");

		// a phone: the list, the read-only design with its notice, the version viewer
		page = signedIn(375);
		assertThat(page.getByTestId("processes-table")).containsText(key);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		Chromium.screenshot(page, "process-list-375");
		page.getByTestId("processes-table").getByText(key).click();
		assertThat(page.getByText("手机上只能查看流程设计")).isVisible();
		assertThat(page.locator("[data-testid=bpmn-canvas] [data-element-id=task1]")).isVisible();
		assertThat(page.getByTestId("bpmn-import")).hasCount(0);
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		Chromium.screenshot(page, "process-designer-375");
	}
}
