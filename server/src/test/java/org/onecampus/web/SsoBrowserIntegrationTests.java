package org.onecampus.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on in a real browser (headless Chromium): a CAS service and an OIDC app, each a small
 * HTTP server on a local port, send the person to the campus login page and get them back signed in;
 * the consent page's form reaches the app under its Content-Security-Policy; the admin page lists the
 * registered apps on a desktop and on a 375 px phone.
 */
@IntegrationTest
class SsoBrowserIntegrationTests {

	@LocalServerPort
	int port;

	HttpServer app;

	BrowserContext context;

	Page page;

	@BeforeEach
	void start() throws IOException {
		app = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		app.createContext("/", exchange -> {
			byte[] body = "<html><body>campus app</body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		app.start();
		open(1280, 800);
	}

	@AfterEach
	void stop() {
		context.close();
		app.stop(0);
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
	void aCasServiceSendsThePersonToTheCampusLoginPageAndGetsThemBackWithATicket() {
		String service = local("/library");
		register("""
				{"code":"browser-cas-%d","name":"图书馆","ownerOrgCode":"ITC","protocol":"CAS",
				 "servicePatterns":["%s/.*"]}""".formatted(localPort(), local("")));

		page.navigate(url("/cas/login?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8)));
		page.waitForURL(Pattern.compile(".*/login.*"));
		signIn("stu001");

		page.waitForURL(Pattern.compile(Pattern.quote(service) + "\\?ticket=ST-.*"));
		assertThat(page.locator("body")).containsText("campus app");
	}

	@Test
	void anOidcAppGetsACodeAfterThePersonAgreesOnTheConsentPage() {
		String callback = local("/callback");
		register("""
				{"code":"browser-oidc-%d","name":"选课系统","nameEn":"Course selection","ownerOrgCode":"ITC","protocol":"OIDC",
				 "grantTypes":["authorization_code"],"redirectUris":["%s"],"scopes":["openid","profile"],
				 "releasedAttributes":["name"]}""".formatted(localPort(), callback));

		page.navigate(url("/oauth2/authorize?response_type=code&client_id=browser-oidc-" + localPort() + "&scope=openid%20profile"
				+ "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&state=s1"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"));
		page.waitForURL(Pattern.compile(".*/login.*"));
		signIn("fac001");
		page.waitForURL(Pattern.compile(".*/oauth2/consent.*"));
		assertThat(page.locator("h1")).containsText("选课系统");
		Chromium.screenshot(page, "sso-consent-zh");
		page.getByTestId("consent-allow").click();

		page.waitForURL(Pattern.compile(Pattern.quote(callback) + "\\?code=.*&state=s1"));
		assertThat(page.locator("body")).containsText("campus app");
	}

	@Test
	void anAdministratorSeesTheRegisteredAppsOnADesktopAndOnAPhone() {
		page.navigate(url("/identity/apps"));
		page.waitForURL(Pattern.compile(".*/login.*"));
		signIn("admin");
		page.waitForURL(Pattern.compile(".*/identity/apps"));
		assertThat(page.getByTestId("apps-table")).containsText("demo-cas");
		assertThat(page.getByTestId("apps-table")).containsText("demo-system");
		Chromium.screenshot(page, "sso-apps-desktop-zh");

		open(375, 812);
		page.navigate(url("/login?redirect=/identity/apps"));
		signIn("admin");
		page.waitForURL(Pattern.compile(".*/identity/apps"));
		assertThat(page.getByTestId("apps-table")).containsText("demo-app");
		page.getByTestId("app-new").click();
		assertThat(page.getByTestId("app-form")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("sso-app-form-phone-zh.png")).setFullPage(true)
			.setAnimations(ScreenshotAnimations.DISABLED));
		assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
	}

	private void register(String json) {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		ApiClient.Response response = admin.postJson("/api/v1/identity/apps", json);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private void signIn(String username) {
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.getByTestId("login-submit").click();
	}

	private int localPort() {
		return app.getAddress().getPort();
	}

	private String local(String path) {
		return "http://localhost:" + localPort() + path;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
