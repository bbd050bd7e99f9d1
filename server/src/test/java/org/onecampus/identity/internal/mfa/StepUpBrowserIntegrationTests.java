package org.onecampus.identity.internal.mfa;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;

/**
 * In headless Chromium: a CAS app that requires a second factor sends a person signed in with a
 * password to the step-up page; with a TOTP code (or, without an authenticator yet, after setting one
 * up there) the browser lands on the app with a ticket. Screenshots go to target/screenshots (step-up-*).
 */
@IntegrationTest
class StepUpBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpServer app;

	String service;

	BrowserContext context;

	Page page;

	@BeforeEach
	void appRequiringASecondFactor() throws IOException {
		app = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		app.createContext("/", exchange -> {
			byte[] body = "<html><body><h1 id=\"app\">应用首页</h1></body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		app.start();
		String code = "mfa-web-" + UUID.randomUUID().toString().substring(0, 8);
		service = "http://localhost:" + app.getAddress().getPort() + "/" + code;
		var registered = new ApiClient(port).signIn("admin", DEMO_PASSWORD).postJson("/api/v1/identity/apps", """
				{"code":"%s","name":"科研财务系统","ownerOrgCode":"ITC","protocol":"CAS","requiresSecondFactor":true,
				 "servicePatterns":["%s.*"],"releasedAttributes":["name"]}""".formatted(code, service));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
	}

	@AfterEach
	void close() {
		if (context != null) {
			context.close();
		}
		app.stop(0);
	}

	void open(int width, int height) {
		context = Chromium.newContext(width, height);
		page = context.newPage();
		page.setDefaultTimeout(15_000);
	}

	String someone(int n) {
		return jdbc.sql("""
				select a.username from identity_account a where a.enabled and a.username not like '%001'
				  and a.username <> 'admin' and not exists (select 1 from identity_mfa_totp t where t.account_id = a.id)
				  and not a.must_change_password and not exists (select 1 from kernel_audit_event e
				    where e.target = 'account:' || a.id and e.action in ('identity.password-changed', 'identity.password-reset'))
				order by a.username desc offset :n limit 1""")
			.param("n", n).query(String.class).single();
	}

	@Test
	void aPersonEntersTheTotpCodeOnTheStepUpPageAndLandsOnTheAppWithATicket() {
		String username = someone(7);
		open(1280, 860);
		signIn(username);
		String secret = new StepUpIntegrationTests().enrolFor(port, username);

		page.navigate(url("/cas/login?service=" + StepUpIntegrationTests.enc(service)));
		page.waitForURL(url("/step-up"));
		assertThat(page.getByTestId("step-up-app")).containsText("科研财务系统");
		shoot("step-up-desktop-zh");
		page.getByTestId("step-up-code").fill(StepUpIntegrationTests.code(secret, 1));
		page.getByTestId("step-up-submit").click();

		page.waitForURL(Pattern.compile(Pattern.quote(service) + "\\?ticket=ST-.*"));
		assertThat(page.locator("#app")).isVisible();
	}

	@Test
	void aPersonWithoutAnAuthenticatorSetsOneUpOnThePhoneAndContinues() {
		String username = someone(8);
		open(375, 812);
		signIn(username);

		page.navigate(url("/cas/login?service=" + StepUpIntegrationTests.enc(service)));
		page.waitForURL(url("/step-up"));
		assertThat(page.getByTestId("step-up-enrol")).isVisible();
		page.getByTestId("mfa-enable").click();
		assertThat(page.getByTestId("mfa-qr")).isVisible();
		String secret = page.getByTestId("mfa-secret").textContent().trim();
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
		shoot("step-up-enrol-375-zh");
		page.getByTestId("mfa-code").fill(StepUpIntegrationTests.code(secret, 0));
		page.getByTestId("mfa-confirm").click();
		assertThat(page.getByTestId("mfa-recovery-codes").locator("li")).hasCount(10);
		shoot("step-up-enrolled-375-zh");
		page.getByTestId("step-up-continue").click();

		page.waitForURL(Pattern.compile(Pattern.quote(service) + "\\?ticket=ST-.*"));
		assertThat(page.locator("#app")).isVisible();
	}

	void signIn(String username) {
		page.navigate(url("/login"));
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
		assertThat(page.getByTestId("home-greeting")).isVisible();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void shoot(String name) {
		Chromium.screenshot(page, name);
	}
}
