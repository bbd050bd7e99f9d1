package org.onecampus.workflow.internal.tasks;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration round trip in the process editor's version history: with two instances on version 1 (one whose data
 * the form of version 2 refuses) and version 2 published, the administrator compares v1 → v2, sees the added node
 * and the per-instance reasons of the dry run, migrates the movable instance, then rolls back version 2 (moving its
 * instances to the new version 3). The instances' versions are read back through the API. Screenshots at 1280 and
 * 375 px.
 */
@IntegrationTest
class MigrationDialogBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonDirectory directory;

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

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	int version(ApiClient client, UUID instance) {
		return client.get("/api/v1/workflow/instances/" + instance).json().get("version").asInt();
	}

	@Test
	void anAdministratorDryRunsMigratesAndRollsBackInTheVersionHistory() {
		ApiClient admin = as("admin");
		MigrationApiIntegrationTests.Loan loan = MigrationApiIntegrationTests.Loan.publish(admin, as("stu001"),
				directory.personIdByUsername("fac001").orElseThrow());
		String key = loan.key();
		UUID longItem = loan.longItem();
		UUID shortItem = loan.shortItem();

		context = Chromium.newContext(1280, 900);
		Page page = Chromium.signIn(context, port, "admin");
		page.setDefaultTimeout(30_000);
		try {
			page.navigate("http://localhost:" + port + "/workflow/processes/" + key + "?tab=versions");
			assertThat(page.getByTestId("version-view-2")).isVisible();
			page.getByTestId("migration-open").click();
			page.getByTestId("migration-plan").click();
			assertThat(page.getByTestId("migration-diff")).containsText("复核");
			assertThat(page.getByTestId("migration-dialog")).containsText("表单版本不同");
			assertThat(page.getByTestId("migration-instance-" + longItem)).containsText("不能迁移");
			assertThat(page.getByTestId("migration-instance-" + longItem)).containsText("表单");
			assertThat(page.getByTestId("migration-instance-" + longItem).locator("input")).isDisabled();
			assertThat(page.getByTestId("migration-instance-" + shortItem).locator("input")).isChecked();
			Chromium.screenshot(page, "migration-dry-run-1280");
			page.setViewportSize(375, 800);
			page.waitForTimeout(300);
			Chromium.screenshot(page, "migration-dry-run-375");
			page.setViewportSize(1280, 900);

			page.getByTestId("migration-run").click();
			assertThat(page.getByTestId("migration-instance-" + shortItem)).containsText("已迁移");
			assertThat(page.locator(".el-message").last()).containsText("已迁移 1 个实例");
			assertThat(version(admin, shortItem)).isEqualTo(2);
			assertThat(version(admin, longItem)).isEqualTo(1);
			page.locator(".el-dialog__headerbtn:visible").click();

			page.getByTestId("version-rollback-2").click();
			assertThat(page.getByTestId("rollback-dialog")).containsText("第 1 版的内容重新发布");
			assertThat(page.getByTestId("rollback-migrate").locator("input")).isChecked();
			Chromium.screenshot(page, "migration-rollback-1280");
			page.getByTestId("rollback-confirm").click();
			assertThat(page.locator(".el-message").last()).containsText("发布为第 3 版");
			assertThat(page.getByTestId("version-view-3")).isVisible();
			assertThat(page.getByTestId("version-rollback-3")).isVisible();
			assertThat(page.getByTestId("version-rollback-2")).hasCount(0);
			Chromium.screenshot(page, "migration-rolled-back-1280");
		}
		catch (RuntimeException | AssertionError ex) {
			Chromium.screenshot(page, "migration-failure");
			throw ex;
		}
		assertThat(admin.get("/api/v1/workflow/processes/" + key).json().get("latestVersion").asInt()).isEqualTo(3);
		assertThat(version(admin, shortItem)).as("moved along with the rollback").isEqualTo(3);
		assertThat(admin.get("/api/v1/workflow/processes/" + key + "/versions/3").json().get("nodes").has("r")).isFalse();
	}
}
