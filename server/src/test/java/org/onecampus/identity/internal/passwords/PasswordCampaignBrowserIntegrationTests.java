package org.onecampus.identity.internal.passwords;

import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: an administrator goes from the weak-password dashboard to the campaigns,
 * creates one for a class, launches it and watches its progress; then, at 375 px, reads the list and
 * the detail, and a person's security panel in the people admin. Screenshots go to
 * target/screenshots (campaign-*, person-security-*).
 */
@IntegrationTest
class PasswordCampaignBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	BrowserContext context;

	Page page;

	@AfterEach
	void closeContext() {
		context.close();
	}

	void open(int width, int height) {
		if (context != null) {
			context.close();
		}
		context = Chromium.newContext(width, height);
		page = context.newPage();
		page.setDefaultTimeout(20_000);
		// The app loads slowly on a busy two-core build machine.
		PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
	}

	@Test
	void anAdministratorCreatesLaunchesAndFollowsACampaignOnDesktopAndPhone() {
		DemoPeople people = new DemoPeople(jdbc);
		CampaignFixtures fixtures = new CampaignFixtures(jdbc, encoder);
		List<String> students = List.of(people.undergraduate(80).username(), people.undergraduate(81).username());
		String root = fixtures.rootCode();
		var unit = fixtures.weakClass(root, students);
		String classCode = jdbc.sql("select code from identity_org_unit where id = :id").param("id", unit)
			.query(String.class).single();

		open(1280, 900);
		signIn("admin");
		page.navigate(url("/admin/weak-passwords"));
		page.getByTestId("weak-campaigns").click();
		page.waitForURL(url("/admin/weak-passwords/campaigns"));
		page.getByTestId("campaign-new").click();
		page.getByTestId("campaign-title").fill("2026 年弱密码专项治理");
		page.getByTestId("campaign-title-en").fill("2026 weak-password clean-up");
		page.getByTestId("campaign-notice").fill("为保障校园网络安全，请于截止前修改为强密码。");
		page.getByTestId("campaign-scope-units").click();
		page.locator(".el-select[data-testid='org-unit-picker']").click();
		Locator rootNode = page.locator(".el-tree-node__content").filter(new Locator.FilterOptions().setHasText("(" + root + ")")).first();
		rootNode.locator(".el-tree-node__expand-icon").click();
		page.locator(".el-tree-node__content").filter(new Locator.FilterOptions().setHasText(classCode)).first().click();
		page.keyboard().press("Escape");
		page.getByTestId("campaign-title").click();
		Chromium.screenshot(page, "campaign-form-desktop-zh");
		page.getByTestId("campaign-save").click();

		page.waitForURL(Pattern.compile(".*/admin/weak-passwords/campaigns/[0-9a-f-]{36}$"));
		assertThat(page.getByTestId("campaign-status")).hasText("草稿");
		page.getByTestId("campaign-launch").click();
		page.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(page.getByTestId("campaign-status")).hasText("进行中");
		assertThat(page.getByTestId("campaign-targeted")).containsText("2");
		assertThat(page.getByTestId("campaign-notified")).containsText("2");
		assertThat(page.getByTestId("campaign-chart").locator("canvas")).hasCount(1);
		assertThat(page.getByTestId("campaign-departments")).isVisible();
		assertThat(page.getByTestId("campaign-export-xlsx")).hasAttribute("href", Pattern.compile(".*/targets\\.xlsx$"));
		Chromium.screenshot(page, "campaign-detail-desktop-zh");
		String detailUrl = page.url();

		open(375, 812);
		signIn("admin");
		page.navigate(url("/admin/weak-passwords/campaigns"));
		assertThat(page.getByTestId("campaign-row").filter(new Locator.FilterOptions().setHasText("2026 年弱密码专项治理")).first())
			.isVisible();
		assertNoHorizontalScroll();
		Chromium.screenshot(page, "campaign-list-phone-zh");
		page.navigate(detailUrl);
		assertThat(page.getByTestId("campaign-status")).hasText("进行中");
		assertNoHorizontalScroll();
		Chromium.screenshot(page, "campaign-detail-phone-zh");
		page.navigate(url("/admin/weak-passwords/campaigns/new"));
		assertThat(page.getByTestId("campaign-save")).isVisible();
		assertNoHorizontalScroll();
		Chromium.screenshot(page, "campaign-form-phone-zh");

		page.navigate(url("/identity/people"));
		page.getByTestId("people-search").fill(students.get(0));
		page.getByTestId("people-search-button").click();
		page.locator(".people__row").filter(new Locator.FilterOptions().setHasText(students.get(0))).first().click();
		assertThat(page.getByTestId("person-security")).isVisible();
		assertThat(page.getByTestId("person-mfa-status")).hasText("未启用");
		page.getByTestId("person-sessions-end-all").scrollIntoViewIfNeeded();
		Chromium.screenshot(page, "person-security-phone-zh");
	}

	private void assertNoHorizontalScroll() {
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
	}

	private void signIn(String username) {
		page.navigate(url("/login"));
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		assertThat(page.getByTestId("home-greeting")).isVisible();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
