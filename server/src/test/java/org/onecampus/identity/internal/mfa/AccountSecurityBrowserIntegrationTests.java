package org.onecampus.identity.internal.mfa;

import java.time.Instant;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.Chromium;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: a person with an initial password is sent to change it and watches the
 * strength meter; a person turns on an authenticator and signs in with the second step. Screenshots
 * go to target/screenshots (account-*).
 */
@IntegrationTest
class AccountSecurityBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	Page page;

	@BeforeEach
	void openDesktop() {
		open(1280, 860);
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

	@Test
	void aPersonWithAnInitialPasswordIsSentToChangeItAndSeesTheStrengthMeter() {
		String username = someone(60);
		jdbc.sql("update identity_account set must_change_password = true where username = :u").param("u", username).update();
		open(375, 812);

		signIn(username, IntegrationTest.DEMO_PASSWORD);

		page.waitForURL(Pattern.compile(".*/account\\?tab=password.*"));
		assertThat(page.getByTestId("password-change-required")).isVisible();
		page.navigate(url("/profile"));
		page.waitForURL(Pattern.compile(".*/account\\?tab=password.*"));

		page.getByTestId("password-new").fill("Abc@123");
		assertThat(page.getByTestId("password-problems")).containsText("Qwer1234");
		assertThat(page.getByTestId("password-strength-level")).hasAttribute("data-level", Pattern.compile("very-weak|weak"));
		assertThat(page.getByTestId("password-submit")).isDisabled();
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
		shoot("account-password-weak-phone-zh");

		page.getByTestId("password-new").fill("Lantern#2718-wavelet");
		assertThat(page.getByTestId("password-strength-level")).hasAttribute("data-level",
				Pattern.compile("strong|very-strong"));
		assertThat(page.getByTestId("password-problems")).hasCount(0);
		page.getByTestId("password-current").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("password-confirm").fill("Lantern#2718-wavelet");
		shoot("account-password-strong-phone-zh");
		page.getByTestId("password-submit").click();

		page.waitForURL(url("/"));
		assertThat(page.getByTestId("home-greeting")).isVisible();
		assertThat(jdbc.sql("select must_change_password from identity_account where username = :u").param("u", username)
			.query(Boolean.class).single()).isFalse();
	}

	@Test
	void aPersonTurnsOnAnAuthenticatorAndSignsInWithTheSecondStep() {
		String username = someone(61);
		signIn(username, IntegrationTest.DEMO_PASSWORD);
		assertThat(page.getByTestId("home-greeting")).isVisible();

		page.navigate(url("/account?tab=mfa"));
		page.getByTestId("mfa-enable").click();
		assertThat(page.getByTestId("mfa-qr")).isVisible();
		String secret = page.getByTestId("mfa-secret").textContent().trim();
		shoot("account-mfa-enrol-desktop-zh");
		page.getByTestId("mfa-code").fill(code(secret, 0));
		page.getByTestId("mfa-confirm").click();
		assertThat(page.getByTestId("mfa-recovery-codes").locator("li")).hasCount(10);
		shoot("account-mfa-recovery-codes-desktop-zh");
		page.getByTestId("mfa-recovery-done").click();
		assertThat(page.getByTestId("mfa-status")).hasText("已开启");

		open(1280, 860);
		signIn(username, IntegrationTest.DEMO_PASSWORD);
		assertThat(page.getByTestId("login-mfa-prompt")).isVisible();
		shoot("login-mfa-desktop-zh");
		page.getByTestId("login-mfa-code").fill(code(secret, 1));
		page.getByTestId("login-mfa-submit").click();
		assertThat(page.getByTestId("home-greeting")).isVisible();
		page.navigate(url("/account?tab=sessions"));
		assertThat(page.getByTestId("sessions-table")).containsText("当前设备");
		// Chromium reaches localhost over IPv6 here: its address is shown in the short form
		assertThat(page.getByTestId("sessions-table")).not().containsText("0:0:0:0:0:0:0:1");
		shoot("account-sessions-desktop-zh");
	}

	private void signIn(String username, String password) {
		page.navigate(url("/login"));
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(password);
		page.getByTestId("login-submit").click();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void shoot(String name) {
		Chromium.screenshot(page, name);
	}

	private static String code(String secret, int stepsAhead) {
		return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepsAhead, 6);
	}

	private String someone(int n) {
		return DemoPersons.nth(jdbc, n);
	}
}
