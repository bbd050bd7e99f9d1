package org.onecampus.web;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onecampus.identity.internal.demo.ChineseIdNumbers;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The admin forms in a real browser, on a phone and on a desktop: an administrator registers a person with an
 * affiliation (a wrong 身份证 check digit is shown on its field first), then assigns them a position on the org tree
 * page with the person picker.
 */
@IntegrationTest
class PeopleAdministrationBrowserIntegrationTests {

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

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "phone, 375, 812", "desktop, 1280, 860" })
	void anAdministratorRegistersAPersonWithAnAffiliationAndAssignsThemAPosition(String device, int width, int height) {
		String identifier = "UI" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String name = "界面" + identifier.substring(2);
		String idCard = ChineseIdNumbers.compose("110105", LocalDate.of(1990, 3, 7), ThreadLocalRandom.current().nextInt(1, 999));
		context = Chromium.newContext(width, height);
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		signIn(page);

		page.navigate("http://localhost:" + port + "/identity/people");
		page.getByTestId("people-create").click();
		Locator dialog = page.getByTestId("person-dialog");
		dialog.getByTestId("person-name").fill(name);
		dialog.getByTestId("person-phone").fill("13912345678");
		String wrongCheckDigit = idCard.substring(0, 17) + (idCard.charAt(17) == '1' ? '2' : '1');
		dialog.getByTestId("person-id-card-input").fill(wrongCheckDigit);
		dialog.getByTestId("affiliation-identifier").fill(identifier);
		pickUnit(page, dialog, "(ITC)");
		dialog.getByTestId("person-save").click();
		assertThat(dialog.locator(".el-form-item__error")).containsText("身份证");
		Chromium.screenshot(page, "person-form-" + device);

		dialog.getByTestId("person-id-card-input").fill(idCard);
		dialog.getByTestId("person-save").click();
		assertThat(page.getByTestId("person-affiliation")).containsText(identifier);
		assertThat(page.getByTestId("person-affiliation")).containsText("信息中心");
		Chromium.screenshot(page, "person-detail-" + device);

		page.navigate("http://localhost:" + port + "/identity/org");
		page.locator(".el-tree-node__content", new Page.LocatorOptions().setHasText("示例大学")).first()
			.locator(".el-tree-node__expand-icon").click();
		page.locator(".el-tree-node__content", new Page.LocatorOptions().setHasText("信息中心")).first().click();
		page.getByTestId("org-assign").click();
		Locator position = page.getByTestId("position-dialog");
		position.getByTestId("person-picker").click();
		page.keyboard().type(identifier);
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(identifier)).click();
		position.getByTestId("position-kind").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("工作人员")).click();
		Chromium.screenshot(page, "position-form-" + device);
		position.getByTestId("position-save").click();
		assertThat(page.getByTestId("org-positions")).containsText(name);
		Chromium.screenshot(page, "org-positions-" + device);

		org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
				select count(*) from identity_position p join identity_affiliation a on a.person_id = p.person_id
				where a.identifier = :i and p.kind = 'OFFICE_STAFF'""").param("i", identifier).query(Integer.class).single())
			.isEqualTo(1);
		org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
				select p.id_card_masked from identity_person p join identity_affiliation a on a.person_id = p.id
				where a.identifier = :i""").param("i", identifier).query(String.class).single())
			.isEqualTo(ChineseIdNumbers.mask(idCard));
	}

	private void signIn(Page page) {
		page.navigate("http://localhost:" + port + "/");
		page.getByTestId("login-username").fill("admin");
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.waitForResponse(r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
				() -> page.getByTestId("login-submit").click());
	}

	/** Opens the org unit picker in {@code form}, expands the university and chooses the unit whose label has {@code code}. */
	private static void pickUnit(Page page, Locator form, String code) {
		form.getByTestId("org-unit-picker").click();
		Locator root = page.locator(".el-tree-node__content:visible", new Page.LocatorOptions().setHasText("(U)")).first();
		root.locator(".el-tree-node__expand-icon").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(code)).first().click();
	}
}
