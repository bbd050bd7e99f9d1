package org.onecampus.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security policies page in headless Chromium: an administrator tries a sample password against
 * a stricter policy, saves it, and a crossed pair of values is refused on its field; desktop and phone.
 */
@IntegrationTest
class PasswordPolicyBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	@AfterEach
	void stop() {
		if (context != null) {
			context.close();
		}
		// The database is shared by every test of this JVM: put the configuration's policy back.
		jdbc.sql("delete from identity_password_policy").update();
	}

	@Test
	void anAdministratorTriesAndSavesAStricterPolicyOnADesktopAndOnAPhone() {
		for (int width : new int[] { 1280, 375 }) {
			if (context != null) {
				context.close();
			}
			jdbc.sql("delete from identity_password_policy").update();
			context = Chromium.newContext(width, 900);
			Page page = context.newPage();
			page.setDefaultTimeout(15_000);
			page.navigate("http://localhost:" + port + "/login?redirect=/admin/policies");
			page.getByTestId("login-username").fill("admin");
			page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
			page.getByTestId("login-submit").click();
			page.waitForURL(Pattern.compile("^http://[^/]+/admin/policies$"));
			assertThat(page.getByTestId("policy-source")).containsText("使用配置文件默认值");

			page.getByTestId("policy-minLength").locator("input").fill("14");
			page.getByTestId("policy-trial-input").fill("Lantern#2718");
			page.getByTestId("policy-trial").click();
			assertThat(page.getByTestId("policy-trial-result")).containsText("不符合策略");
			assertThat(page.getByTestId("policy-trial-result")).containsText("至少需要 14 个字符");

			page.getByTestId("policy-weakScore").locator("input").fill("4");
			page.getByTestId("policy-minScore").locator("input").fill("2");
			page.getByTestId("policy-save").click();
			assertThat(page.locator(".el-form-item__error")).containsText("不能高于最低强度");

			page.getByTestId("policy-weakScore").locator("input").fill("2");
			page.getByTestId("policy-save").click();
			assertThat(page.getByTestId("policy-source")).containsText("第 1 版");
			Chromium.screenshot(page, "password-policy-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		}
		assertThat(jdbc.sql("select min_length from identity_password_policy").query(Integer.class).single())
			.isEqualTo(14);
	}
}
