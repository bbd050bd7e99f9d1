package org.onecampus.web;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onecampus.support.ApiClient;
import org.onecampus.support.Chromium;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;

/**
 * 忘记密码 in a real browser on a 375 px phone: from the sign-in page's link, ask for a code by
 * e-mail (received by GreenMail), set a new password with it, then sign in with the new password.
 */
@IntegrationTest
class PasswordResetBrowserIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	BrowserContext context;

	@AfterEach
	void close() {
		if (context != null) {
			context.close();
		}
		jdbc.sql("update messaging_channel_setting set enabled = false where channel = 'email'").update();
	}

	@Test
	void aPersonResetsAForgottenPasswordWithAMailedCodeOnAPhone() throws Exception {
		new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD).putJson("/api/v1/messaging/channels/email", """
				{"enabled":true,"ratePerSecond":100,"settings":{"host":"127.0.0.1","port":"%d","from":"noreply@demo.edu.cn"}}"""
			.formatted(smtp.getSmtp().getPort()));
		String[] account = jdbc.sql("""
				select a.username, p.email from identity_account a join identity_person p on p.id = a.person_id
				where a.enabled and p.email is not null and a.username !~ '^[a-z]+[0-9]{3}$' and a.username <> 'admin'
				  and not exists (select 1 from identity_password_reset r where r.account_id = a.id)
				order by a.username desc offset :skip limit 1""")
			.param("skip", ThreadLocalRandom.current().nextInt(200))
			.query((rs, n) -> new String[] { rs.getString("username"), rs.getString("email") })
			.single();

		context = Chromium.newContext(375, 740);
		Page page = context.newPage();
		page.setDefaultTimeout(15_000);
		page.navigate("http://localhost:" + port + "/login");
		page.getByTestId("login-forgot").click();
		page.getByTestId("forgot-login").fill(account[0]);
		page.getByTestId("forgot-request").click();
		assertThat(page.getByTestId("forgot-sent")).containsText("10");
		Chromium.screenshot(page, "password-reset-code-phone");

		String[] code = new String[1];
		eventually(Duration.ofSeconds(20), "the code is mailed", () -> {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				try {
					if (message.getAllRecipients()[0].toString().equalsIgnoreCase(account[1])) {
						Matcher matcher = CODE.matcher(message.getContent().toString());
						if (matcher.find()) {
							code[0] = matcher.group(1);
							return true;
						}
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
			return false;
		});
		page.getByTestId("forgot-code").fill(code[0]);
		page.getByTestId("forgot-new-password").fill("Lantern-Orbit-58!");
		page.getByTestId("forgot-complete").click();
		assertThat(page.getByTestId("forgot-done")).isVisible();
		Chromium.screenshot(page, "password-reset-done-phone");

		new ApiClient(port).signIn(account[0], "Lantern-Orbit-58!");
	}
}
