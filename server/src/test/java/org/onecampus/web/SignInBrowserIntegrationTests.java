package org.onecampus.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser (Debian's headless Chromium): signs in, sees the home page, switches
 * language, signs out; on a desktop and on a 375 px phone. Screenshots go to target/screenshots.
 */
@IntegrationTest
class SignInBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openDesktop() {
		open(1280, 800);
	}

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
		page.setDefaultTimeout(15_000);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	String nameOf(String username) {
		return jdbc.sql("select p.name from identity_person p join identity_account a on a.person_id = p.id where a.username = ?")
			.param(username).query(String.class).single();
	}

	void signIn(String username) {
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
	}

	void shoot(String name) {
		Chromium.screenshot(page, name);
	}

	@Test
	void aStudentSignsInSeesTheHomePageSwitchesLanguageAndSignsOut() {
		String name = nameOf("stu001");
		page.navigate(url("/"));
		page.waitForURL(Pattern.compile(".*/login.*"));
		assertThat(page.getByTestId("login-submit")).isVisible();
		shoot("login-desktop-zh");

		signIn("stu001");
		assertThat(page.getByTestId("home-greeting")).containsText(name);
		assertThat(page.getByTestId("home-affiliations")).containsText("本科生");
		assertThat(page.getByTestId("app-university-name")).hasText("示例大学");
		assertThat(page.getByTestId("nav-item-audit")).hasCount(0);
		shoot("home-desktop-zh");

		page.getByTestId("lang-switch").click();
		page.getByTestId("lang-en-US").click();
		assertThat(page.getByTestId("home-greeting")).containsText("Hello");
		assertThat(page.getByTestId("app-university-name")).hasText("Demo University");
		assertThat(page.locator("html")).hasAttribute("lang", "en-US");
		shoot("home-desktop-en");

		page.reload();
		assertThat(page.getByTestId("home-greeting")).containsText("Hello");

		page.getByTestId("lang-switch").click();
		page.getByTestId("lang-zh-CN").click();
		assertThat(page.getByTestId("home-greeting")).not().containsText("Hello");
		assertThat(page.getByTestId("home-affiliations")).containsText("本科生");

		page.getByTestId("user-menu").click();
		page.getByTestId("user-menu-logout").click();
		page.waitForURL(Pattern.compile(".*/login.*"));
		page.navigate(url("/profile"));
		page.waitForURL(Pattern.compile(".*/login.*"));
	}

	@Test
	void onAPhoneTheNavigationOpensFromTheMenuButton() {
		open(375, 812);
		page.navigate(url("/login"));
		assertThat(page.getByTestId("login-submit")).isVisible();
		shoot("login-phone-zh");
		signIn("admin");
		assertThat(page.getByTestId("home-greeting")).containsText(nameOf("admin"));
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
		shoot("home-phone-zh");
		page.getByTestId("nav-toggle").click();
		assertThat(page.getByTestId("nav-item-audit")).isVisible();
		shoot("nav-phone-zh");
		page.getByTestId("nav-item-audit").click();
		assertThat(page.getByTestId("audit-table")).isVisible();
		shoot("audit-phone-zh");
	}

	@Test
	void anAdministratorVerifiesTheAuditChain() {
		page.navigate(url("/login"));
		signIn("admin");
		page.getByTestId("nav-item-audit").click();
		assertThat(page.getByTestId("audit-table")).containsText("stu001", new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
		page.getByTestId("audit-verify").click();
		assertThat(page.getByTestId("audit-verify-result")).isVisible();
		shoot("audit-desktop-zh");
	}

	@Test
	void anExpiredSessionGoesToSignInAndThenBackToWhereThePersonWas() {
		page.navigate(url("/login"));
		signIn("fac001");
		assertThat(page.getByTestId("home-greeting")).isVisible();
		page.navigate(url("/profile"));
		assertThat(page.getByTestId("profile-username")).containsText("fac001");
		// The session ends on the server (expired, or signed out elsewhere).
		jdbc.sql("delete from kernel_session where principal_name = 'fac001'").update();
		page.reload();
		page.waitForURL(Pattern.compile(".*/login\\?redirect=.*profile.*"));
		signIn("fac001");
		page.waitForURL(Pattern.compile(".*/profile$"));
		assertThat(page.getByTestId("profile-username")).containsText("fac001");
	}

	@Test
	void anUnknownPageShowsTheNotFoundPage() {
		page.navigate(url("/login"));
		signIn("stu001");
		assertThat(page.getByTestId("home-greeting")).isVisible();
		page.navigate(url("/no/such/page"));
		assertThat(page.getByTestId("not-found")).isVisible();
		page.navigate(url("/audit"));
		assertThat(page.getByTestId("not-found")).isVisible();
		shoot("not-found-desktop-zh");
		assertThat(page.title()).isNotBlank();
	}
}
