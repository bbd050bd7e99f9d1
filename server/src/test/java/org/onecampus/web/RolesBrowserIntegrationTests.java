package org.onecampus.web;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles page in a real browser (headless Chromium): an administrator sees the roles with their
 * permissions and asks why a counsellor has access, on a desktop and on a 375 px phone.
 */
@IntegrationTest
class RolesBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@AfterEach
	void stop() {
		context.close();
	}

	@Test
	void anAdministratorSeesTheRolesAndAsksWhyAPersonHasAccessOnADesktopAndOnAPhone() {
		for (int width : new int[] { 1280, 375 }) {
			if (context != null) {
				context.close();
			}
			context = Chromium.newContext(width, 812);
			page = context.newPage();
			page.setDefaultTimeout(15_000);
			page.navigate("http://localhost:" + port + "/login?redirect=/identity/roles");
			page.getByTestId("login-username").fill("admin");
			page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
			page.getByTestId("login-submit").click();
			page.waitForURL(Pattern.compile(".*/identity/roles"));
			assertThat(page.getByTestId("roles-table")).containsText("PLATFORM_ADMIN");

			page.getByTestId("access-open").click();
			page.getByTestId("access-person").click();
			page.keyboard().type("cou001");
			page.locator(".el-select-dropdown__item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("cou001"))
				.first().click();
			page.getByTestId("access-ask").click();
			assertThat(page.getByTestId("access-permissions")).containsText("identity:me:read");
			assertThat(page.getByTestId("access-permissions")).containsText("直接授予角色");
			Chromium.screenshot(page, "roles-access-" + width + "-zh");
			assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
		}
	}
}
