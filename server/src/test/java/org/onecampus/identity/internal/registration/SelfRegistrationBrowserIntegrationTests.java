package org.onecampus.identity.internal.registration;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.messaging.internal.channels.LocalHttpService;
import org.onecampus.messaging.internal.channels.LocalHttpService.Reply;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;

/**
 * In headless Chromium at 375 px: a visitor follows the login page's link, gets the SMS code from the
 * local SMS gateway, registers, and signs in by phone number. Screenshots go to target/screenshots
 * (register-*).
 */
@IntegrationTest
class SelfRegistrationBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	LocalHttpService gateway;

	BrowserContext context;

	Page page;

	@BeforeEach
	void smsGatewayAndPhone() {
		gateway = new LocalHttpService().on("/sms", r -> Reply.json("{\"code\":\"0\"}"));
		var response = new ApiClient(port).signIn("admin", DEMO_PASSWORD).putJson("/api/v1/messaging/channels/sms", """
				{"enabled":true,"ratePerSecond":100,"settings":{"url":"%s/sms"}}""".formatted(gateway.url()));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		context = Chromium.newContext(375, 812);
		page = context.newPage();
		page.setDefaultTimeout(15_000);
	}

	@AfterEach
	void close() {
		context.close();
		jdbc.sql("update messaging_channel_setting set enabled = false where channel = 'sms'").update();
		gateway.close();
	}

	@Test
	void aVisitorRegistersOnAPhoneWithTheTextedCodeAndSignsInByPhoneNumber() {
		String phone = "198" + "%08d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		String idCard = SelfRegistrationIntegrationTests.freshIdCard();
		page.navigate(url("/login"));
		page.getByTestId("login-register").click();
		page.waitForURL(url("/register"));
		page.getByTestId("register-phone").fill(phone);
		shoot("register-phone-375-zh");
		page.getByTestId("register-send").click();
		assertThat(page.getByTestId("register-sent")).isVisible();

		page.getByTestId("register-code").fill(codeTextedTo(phone));
		shoot("register-code-375-zh");
		page.getByTestId("register-verify").click();

		page.getByTestId("register-name").fill("林晓");
		page.getByTestId("register-id-card").fill(idCard);
		page.getByTestId("register-password").fill("abc12345");
		assertThat(page.getByTestId("password-strength-level")).hasAttribute("data-level",
				Pattern.compile("very-weak|weak"));
		page.getByTestId("register-password").fill(SelfRegistrationIntegrationTests.PASSWORD);
		assertThat(page.getByTestId("password-strength-level")).hasAttribute("data-level",
				Pattern.compile("strong|very-strong"));
		Number scrollWidth = (Number) page.evaluate("document.documentElement.scrollWidth");
		assertThat(scrollWidth.intValue()).as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
		shoot("register-details-375-zh");
		page.getByTestId("register-complete").click();

		assertThat(page.getByTestId("register-done")).containsText(phone);
		shoot("register-done-375-zh");
		page.getByTestId("register-sign-in").click();
		page.waitForURL(url("/login"));
		page.getByTestId("login-username").fill(phone);
		page.getByTestId("login-password").fill(SelfRegistrationIntegrationTests.PASSWORD);
		page.getByTestId("login-submit").click();
		assertThat(page.getByTestId("home-greeting")).containsText("林晓");
	}

	@Test
	void theRegistrationPageOnADesktopInEnglishShowsTheParentFields() {
		context.close();
		context = Chromium.newContext(1280, 860);
		page = context.newPage();
		page.setDefaultTimeout(15_000);
		String phone = "198" + "%08d".formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		page.navigate(url("/register"));
		page.evaluate("localStorage.setItem('onecampus.locale', 'en-US')");
		page.reload();
		page.getByTestId("register-phone").fill(phone);
		page.getByTestId("register-send").click();
		page.getByTestId("register-code").fill(codeTextedTo(phone));
		page.getByTestId("register-verify").click();
		page.getByTestId("register-kind-parent").click();
		assertThat(page.getByTestId("register-child-identifier")).isVisible();
		page.getByTestId("register-name").fill("林晓");
		page.getByTestId("register-id-card").fill("110105199001011234");
		page.getByTestId("register-password").fill(SelfRegistrationIntegrationTests.PASSWORD);
		page.getByTestId("register-complete").click();
		assertThat(page.getByTestId("register-error")).isVisible();
		shoot("register-parent-desktop");
	}

	String codeTextedTo(String phone) {
		String[] code = new String[1];
		eventually(Duration.ofSeconds(20), "the code is texted to " + phone, () -> {
			List<String> texts = gateway.requests("/sms").stream()
				.map(request -> json.readTree(request.body()))
				.filter(body -> phone.equals(body.get("phone").asString()))
				.map(body -> body.get("content").asString())
				.toList();
			if (texts.isEmpty()) {
				return false;
			}
			Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(texts.get(texts.size() - 1));
			return matcher.find() && (code[0] = matcher.group(1)) != null;
		});
		return code[0];
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void shoot(String name) {
		Chromium.screenshot(page, name);
	}
}
