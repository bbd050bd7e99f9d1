package org.onecampus.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The import page in a real browser, on a 375 px phone: a file with a bad row is checked and its
 * problem shown by row and column; the corrected file is checked and imported.
 */
@IntegrationTest
class ImportBrowserIntegrationTests {

	private static final String HEADER = "name,nameEn,gender,phone,email,idCard,affiliationType,identifier,orgUnitCode,startDate,endDate\n";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void anAdministratorChecksAFileSeesTheBadRowAndImportsTheCorrectedOne() {
		String identifier = "WEB" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		context = Chromium.newContext(375, 812);
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate("http://localhost:" + port + "/");
		page.getByTestId("login-username").fill("admin");
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.waitForResponse(r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
				() -> page.getByTestId("login-submit").click());
		page.navigate("http://localhost:" + port + "/identity/imports");
		assertThat(page.getByTestId("imports-page")).isVisible();

		page.getByTestId("imports-file").locator("input[type=file]").setInputFiles(new FilePayload("people.csv", "text/csv",
				(HEADER + "网页导入,,M,,,,STAFF," + identifier + ",NO-SUCH-UNIT,2026-01-01,\n").getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("imports-check").click();
		assertThat(page.getByTestId("imports-errors")).containsText("NO-SUCH-UNIT");
		assertThat(page.getByTestId("imports-apply")).isDisabled();
		Chromium.screenshot(page, "imports-report-phone");

		page.locator(".el-upload-list__item").hover();
		page.locator(".el-upload-list__item .el-icon--close").click();
		page.getByTestId("imports-file").locator("input[type=file]").setInputFiles(new FilePayload("people.csv", "text/csv",
				(HEADER + "网页导入,,M,,,,STAFF," + identifier + ",ITC,2026-01-01,\n").getBytes(StandardCharsets.UTF_8)));
		page.getByTestId("imports-check").click();
		assertThat(page.getByTestId("imports-summary")).containsText("1");
		page.getByTestId("imports-apply").click();
		assertThat(page.getByTestId("imports-summary")).containsText("已导入");
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from identity_affiliation where identifier = :i")
			.param("i", identifier).query(Integer.class).single()).isEqualTo(1);
	}
}
