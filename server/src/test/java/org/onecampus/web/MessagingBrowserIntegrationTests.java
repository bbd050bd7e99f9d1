package org.onecampus.web;

import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.announcement;

/**
 * Messaging in a real browser: an administrator sends a notice from the send page, the recipient's
 * bell counts it up live and the inbox shows it, on a desktop and on a 375 px phone; the admin
 * pages show the delivery log and the channels. Screenshots go to target/screenshots.
 */
@IntegrationTest
class MessagingBrowserIntegrationTests {

	@LocalServerPort
	int port;

	BrowserContext context;

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	Page signedIn(String username, int width, int height) {
		if (context != null) {
			context.close();
		}
		context = Chromium.newContext(width, height);
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate("http://localhost:" + port + "/");
		page.getByTestId("login-username").fill(username);
		page.getByTestId("login-password").fill(IntegrationTest.DEMO_PASSWORD);
		page.waitForResponse(r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
				() -> page.getByTestId("login-submit").click());
		page.navigate("http://localhost:" + port + "/");
		try {
			page.getByTestId("user-menu").waitFor();
		}
		catch (RuntimeException ex) {
			shoot(page, "messaging-debug-" + username);
			throw ex;
		}
		return page;
	}

	void shoot(Page page, String name) {
		Chromium.screenshot(page, name);
	}

	@Test
	void theBellCountsUpLiveAndTheInboxShowsTheMessageOnDesktopAndPhone() {
		String title = "图书馆闭馆通知 " + UUID.randomUUID().toString().substring(0, 4);
		Page page = signedIn("visitor001", 1280, 800);
		page.getByTestId("nav-item-inbox").click();
		assertThat(page.getByTestId("inbox-page")).isVisible();
		String before = page.getByTestId("inbox-bell").getAttribute("aria-label");

		var sent = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD).postJson("/api/v1/messaging/messages",
				announcement(title, "本周六图书馆闭馆一天，请合理安排时间。", "[\"inapp\"]", "visitor001"));
		org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(201);

		assertThat(page.getByTestId("inbox-bell")).not().hasAttribute("aria-label", before);
		assertThat(page.getByTestId("inbox-list")).containsText(title);
		shoot(page, "messaging-inbox-desktop");
		page.getByTestId("inbox-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(title)).click();
		assertThat(page.getByTestId("inbox-dialog")).containsText("本周六图书馆闭馆一天");
		shoot(page, "messaging-inbox-message-desktop");

		Page phone = signedIn("visitor001", 375, 740);
		phone.getByTestId("inbox-bell").click();
		assertThat(phone.getByTestId("inbox-list")).containsText(title);
		shoot(phone, "messaging-inbox-phone");
		phone.navigate("http://localhost:" + port + "/messaging/preferences");
		assertThat(phone.getByTestId("preferences-page")).isVisible();
		shoot(phone, "messaging-preferences-phone");
	}

	@Test
	void anAdministratorSendsANoticeAndFindsItInTheDeliveryLog() {
		String title = "网络维护通知 " + UUID.randomUUID().toString().substring(0, 4);
		Page page = signedIn("admin", 1280, 900);
		page.getByTestId("nav-item-messaging-send").click();
		page.getByTestId("send-persons").fill("stu001, fac001");
		page.getByTestId("send-title").fill(title);
		page.getByTestId("send-body").fill("今晚 22:00 至 24:00 校园网维护。");
		shoot(page, "messaging-send-desktop");
		page.getByTestId("send-submit").click();
		assertThat(page.getByTestId("send-receipt")).containsText("2");

		page.getByTestId("nav-item-messaging-admin").click();
		page.getByTestId("deliveries-recipient").fill("fac001");
		page.getByTestId("deliveries-search").click();
		assertThat(page.getByTestId("deliveries-table")).containsText("fac001");
		shoot(page, "messaging-deliveries-desktop");
		page.getByText("渠道配置").click();
		assertThat(page.getByTestId("channel-email")).isVisible();
		shoot(page, "messaging-channels-desktop");

		Page phone = signedIn("admin", 375, 740);
		phone.navigate("http://localhost:" + port + "/messaging/send");
		assertThat(phone.getByTestId("send-page")).isVisible();
		shoot(phone, "messaging-send-phone");
	}
}
