package org.onecampus.hall.web;

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

/**
 * The service hall in a real browser: a student finds 在读证明 by typing its initials, opens it and stars it, and
 * sees it among the favourites on the portal home, on a desktop and on a 375 px phone; public guides without
 * signing in. Screenshots go to target/screenshots.
 */
@IntegrationTest
class HallBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	@AfterEach
	void close() {
		if (context != null) {
			context.close();
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theHomeListsTheToDosOfTheToDoCentre() {
		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		var started = student.postJson("/api/v1/workflow/instances", """
				{"processKey": "student-leave", "formData": {"leaveType": "personal", "period": ["2027-03-08", "2027-03-09"],
				 "reason": "首页待办检查", "leavesCampus": "no"}}""");
		org.assertj.core.api.Assertions.assertThat(started.status()).as(started.body()).isEqualTo(201);
		context = Chromium.newContext(1280, 800);
		Page page = Chromium.signIn(context, port, "cou001");
		assertThat(page.getByTestId("home-todos").locator("a[href^='/workflow/tasks/']").first()).isVisible();
		assertThat(page.getByTestId("home-todos")).containsText("学生请假");
		assertThat(page.getByTestId("home-todos").locator("a[href='/todo']")).isVisible();
		Chromium.screenshot(page, "portal-home-todos-desktop-zh");
	}

	@Test
	void aStudentSearchesByInitialsOpensAnItemAndFavouritesIt() {
		context = Chromium.newContext(1280, 800);
		Page page = Chromium.signIn(context, port, "stu001");
		page.navigate(url("/hall"));
		assertThat(page.getByTestId("service-card-student-leave")).isVisible();
		Chromium.screenshot(page, "hall-desktop-zh");
		page.getByTestId("hall-search").fill("zxzm");
		assertThat(page.getByTestId("hall-results").locator("article").first()).hasAttribute("data-testid",
				"service-card-study-certificate");
		Chromium.screenshot(page, "hall-search-zxzm");
		page.getByTestId("service-card-study-certificate").locator("a").click();
		page.waitForURL(Pattern.compile(".*/hall/services/study-certificate"));
		assertThat(page.getByTestId("service-title")).hasText("在读证明");
		assertThat(page.getByTestId("service-materials")).containsText("身份证或校园卡");
		assertThat(page.getByTestId("service-favourite")).hasAttribute("aria-pressed", "false");
		page.getByTestId("service-favourite").click();
		assertThat(page.getByTestId("service-favourite")).hasAttribute("aria-pressed", "true");
		Chromium.screenshot(page, "hall-service-desktop-zh");

		page.navigate(url("/"));
		assertThat(page.getByTestId("home-favourites")).containsText("在读证明");
		assertThat(page.getByTestId("home-apps")).containsText("示例 CAS 应用");
		assertThat(page.getByTestId("my-applications-card")).isVisible();
		Chromium.screenshot(page, "portal-home-desktop-zh");

		BrowserContext phone = Chromium.newContext(375, 800);
		try {
			Page small = Chromium.signIn(phone, port, "stu001");
			assertThat(small.getByTestId("home-favourites")).containsText("在读证明");
			double width = ((Number) small.evaluate("document.documentElement.scrollWidth")).doubleValue();
			org.assertj.core.api.Assertions.assertThat(width).isLessThanOrEqualTo(375);
			Chromium.screenshot(small, "portal-home-phone-zh");
			small.navigate(url("/hall/services/study-certificate"));
			small.getByTestId("service-favourite").click();
			assertThat(small.getByTestId("service-favourite")).hasAttribute("aria-pressed", "false");
			small.navigate(url("/hall"));
			assertThat(small.getByTestId("service-card-campus-card")).isVisible();
			Chromium.screenshot(small, "hall-phone-zh");
		}
		finally {
			phone.close();
		}
	}

	@Test
	void publicGuidesOpenWithoutSigningIn() {
		context = Chromium.newContext(375, 800);
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate(url("/hall/public"));
		assertThat(page.getByTestId("service-card-campus-card")).isVisible();
		assertThat(page.getByTestId("service-card-salary-slip")).hasCount(0);
		Chromium.screenshot(page, "hall-public-phone-zh");
		page.getByTestId("service-card-visitor-guide").locator("a").click();
		assertThat(page.getByTestId("service-title")).hasText("访客入校指南");
		Chromium.screenshot(page, "hall-public-service-phone-zh");
	}
}
