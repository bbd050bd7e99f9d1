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
 * The approver editor in the simple designer offers the org unit field rule (ORG_FIELD): a process on the demo
 * expense claim, whose 报销部门 is an org field, sends its step to a position at the department the claimant picks.
 * Screenshots go to target/screenshots.
 */
@IntegrationTest
class ApproverRulesBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

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

	@Test
	void aDesignerSendsAStepToTheHeadOfTheDepartmentPickedInTheForm() {
		String key = "claim-" + UUID.randomUUID().toString().substring(0, 6);
		ApiClient api = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		String model = """
				{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
				 "config": {}, "next": {"id": "department_head", "type": "APPROVER",
				 "name": {"zh-CN": "部门负责人审批", "en-US": "Department head"},
				 "config": {"assignee": {"rule": "PERSONS", "persons": []}, "multi": "ANY"}, "next": null}}}""";
		assertThat(api.postJson("/api/v1/workflow/processes", "{\"key\": \"" + key
				+ "\", \"name\": {\"zh-CN\": \"报销（浏览器测试）\"}, \"formKey\": \"expense-claim\", \"formVersion\": 1, \"model\": " + model + "}")
			.status()).isEqualTo(201);

		context = Chromium.newContext(1280, 900);
		Page page = context.newPage();
		page.setDefaultTimeout(30_000);
		try {
			page.navigate("http://localhost:" + port + "/login?redirect=/workflow/processes/" + key);
			page.getByTestId("login-username").fill("admin");
			page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
			page.getByTestId("login-submit").click();
			page.waitForURL(Pattern.compile(".*/workflow/processes/" + key));
			assertThat(page.getByTestId("simple-designer")).isVisible();

			page.getByTestId("node-department_head").click();
			Locator drawer = page.locator(".el-drawer:visible");
			ProcessDesignerBrowserIntegrationTests.choose(page, drawer.getByTestId("assignee-rule"), "表单中的组织机构字段");
			ProcessDesignerBrowserIntegrationTests.choose(page, drawer.getByTestId("assignee-org-field"), "报销部门");
			assertThat(drawer.getByTestId("assignee-org-kind")).containsText("负责人");
			ProcessDesignerBrowserIntegrationTests.choose(page, drawer.getByTestId("assignee-org-kind"), "副职负责人");
			assertThat(drawer).containsText("未选机构时");
			Chromium.screenshot(page, "approver-org-field-drawer-1280");
			ProcessDesignerBrowserIntegrationTests.closeDrawer(page);
			assertThat(page.getByTestId("node-department_head")).containsText("表单字段「报销部门」 · 副职负责人 · 或签");
			assertThat(page.getByTestId("designer-status")).containsText("流程配置完整");
			Chromium.screenshot(page, "approver-org-field-1280");

			page.getByTestId("process-save").click();
			assertThat(page.locator(".el-message--success").last()).containsText("草稿已保存");
			JsonNode assignee = api.get("/api/v1/workflow/processes/" + key).json().path("model").path("root").path("next")
				.path("config").path("assignee");
			assertThat(assignee.path("rule").asString()).isEqualTo("ORG_FIELD");
			assertThat(assignee.path("field").asString()).isEqualTo("department");
			assertThat(assignee.path("kind").asString()).isEqualTo("DEPUTY_HEAD");
			ApiClient.Response published = api.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
			assertThat(published.status()).as(published.body()).isEqualTo(201);
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "approver-org-field-failure");
			throw ex;
		}
	}

	/**
	 * The applicant's side of the funding-unit rule: 因公短期出国（境）申报 asks for the 经费单位 only when the trip is paid
	 * from a project or a unit budget, and offers the applicant's own college first.
	 */
	@Test
	void theOverseasTripAsksForTheFundingUnitOnlyForProjectOrUnitFunding() {
		for (int width : new int[] { 1280, 375 }) {
			if (context != null) {
				context.close();
			}
			context = Chromium.newContext(width, 900);
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			try {
				page.navigate("http://localhost:" + port + "/login?redirect=/hall/services/overseas-trip/apply");
				page.getByTestId("login-username").fill("fac001");
				page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
				page.getByTestId("login-submit").click();
				page.waitForURL(Pattern.compile(".*/hall/services/overseas-trip/apply.*"));
				assertThat(page.locator("[data-field=fundingSource]")).isVisible();
				assertThat(page.locator("[data-field=fundingUnit]")).hasCount(0);
				page.locator("[data-field=fundingSource] .el-select").click();
				page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText("科研项目经费"))
					.first().click();
				Locator fundingUnit = page.locator("[data-field=fundingUnit]");
				assertThat(fundingUnit).isVisible();
				assertThat(fundingUnit).containsText("经费单位");
				assertThat(fundingUnit).containsText("计算机学院");
				assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
				fundingUnit.scrollIntoViewIfNeeded();
				Chromium.screenshot(page, "overseas-trip-funding-unit-" + width);
			}
			catch (RuntimeException | AssertionError ex) {
				Chromium.screenshot(page, "overseas-trip-funding-unit-failure-" + width);
				throw ex;
			}
		}
	}
}
