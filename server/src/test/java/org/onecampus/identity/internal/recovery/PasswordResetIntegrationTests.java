package org.onecampus.identity.internal.recovery;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Forgotten password end to end: the code goes out through the messaging e-mail channel to a real
 * SMTP server (GreenMail), and the new password works while the old one and its sessions do not.
 */
@IntegrationTest
class PasswordResetIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final String NEW_PASSWORD = "Lantern-Orbit-58!";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void emailGoesToGreenMail() {
		Response response = new ApiClient(port).signIn("admin", DEMO_PASSWORD).putJson("/api/v1/messaging/channels/email",
				"""
						{"enabled":true,"ratePerSecond":100,"settings":{"host":"127.0.0.1","port":"%d","from":"noreply@demo.edu.cn"}}"""
					.formatted(smtp.getSmtp().getPort()));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@AfterEach
	void disableEmail() {
		jdbc.sql("update messaging_channel_setting set enabled = false where channel = 'email'").update();
	}

	/** A demo person with an e-mail address of their own, none of the fixed accounts other tests sign in as. */
	Account somePerson() {
		return jdbc.sql("""
				select a.username, p.email from identity_account a join identity_person p on p.id = a.person_id
				where a.enabled and p.email is not null and a.username !~ '^[a-z]+[0-9]{3}$' and a.username <> 'admin'
				  and (select count(*) from identity_person q where lower(q.email) = lower(p.email)) = 1
				  and not exists (select 1 from identity_password_reset r where r.account_id = a.id)
				order by a.username offset :skip limit 1""")
			.param("skip", ThreadLocalRandom.current().nextInt(200))
			.query((rs, n) -> new Account(rs.getString("username"), rs.getString("email")))
			.single();
	}

	record Account(String username, String email) {
	}

	static ApiClient anonymous(int port) {
		return new ApiClient(port).from("10.77.%d.%d".formatted(ThreadLocalRandom.current().nextInt(256),
				ThreadLocalRandom.current().nextInt(1, 255)));
	}

	UUID requestReset(ApiClient client, String login) {
		Response response = client.postJson("/api/v1/identity/password-resets",
				"{\"login\":\"" + login + "\",\"channel\":\"email\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(response.json().get("expiresInMinutes").asInt()).isEqualTo(10);
		return UUID.fromString(response.json().get("id").asString());
	}

	String codeMailedTo(String email) {
		String[] code = new String[1];
		eventually(Duration.ofSeconds(20), "the code is mailed to " + email, () -> {
			for (MimeMessage message : smtp.getReceivedMessages()) {
				if (recipient(message).equalsIgnoreCase(email)) {
					Matcher matcher = CODE.matcher(content(message));
					if (matcher.find()) {
						code[0] = matcher.group(1);
						return true;
					}
				}
			}
			return false;
		});
		return code[0];
	}

	Response complete(ApiClient client, UUID id, String code, String password) {
		return client.postJson("/api/v1/identity/password-resets/" + id + "/completion",
				"{\"code\":\"" + code + "\",\"newPassword\":\"" + password + "\"}");
	}

	@Test
	void theMailedCodeSetsANewPasswordOnceEndsTheSessionsAndIsAudited() {
		Account account = somePerson();
		ApiClient oldSession = new ApiClient(port).signIn(account.username(), DEMO_PASSWORD);
		ApiClient client = anonymous(port);
		UUID id = requestReset(client, account.email());
		String code = codeMailedTo(account.email());

		assertThat(complete(client, id, code, NEW_PASSWORD).status()).isEqualTo(204);

		assertThat(oldSession.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).postForm("/login",
				java.util.Map.of("username", account.username(), "password", DEMO_PASSWORD)).status()).isEqualTo(401);
		new ApiClient(port).signIn(account.username(), NEW_PASSWORD);
		assertProblem(complete(client, id, code, "Another-Orbit-77!"), 400, "password-reset.invalid-code");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.password-reset' and actor = ?")
			.param(account.username()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theCodeIsKeptOnlyAsAHashOnceItWasSent() {
		Account account = somePerson();
		UUID id = requestReset(anonymous(port), account.username());
		String code = codeMailedTo(account.email());
		var row = jdbc.sql("select code_hash, code_cipher from identity_password_reset where id = ?").param(id)
			.query((rs, n) -> new String[] { rs.getString("code_hash"), rs.getString("code_cipher") }).single();
		assertThat(row[0]).hasSize(64).doesNotContain(code);
		assertThat(row[1]).isNull();
	}

	@Test
	void anUnknownLoginIsAnsweredTheSameWayAndNoCodeEverWorks() {
		ApiClient client = anonymous(port);
		Response response = client.postJson("/api/v1/identity/password-resets",
				"{\"login\":\"nobody-" + UUID.randomUUID() + "@demo.edu.cn\",\"channel\":\"email\"}");
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("id", "expiresInMinutes");
		UUID id = UUID.fromString(response.json().get("id").asString());
		for (int code = 0; code < 3; code++) {
			assertProblem(complete(client, id, "%06d".formatted(code), NEW_PASSWORD), 400, "password-reset.invalid-code");
		}
	}

	@Test
	void fiveWrongCodesBurnTheRequest() {
		Account account = somePerson();
		ApiClient client = anonymous(port);
		UUID id = requestReset(client, account.username());
		String code = codeMailedTo(account.email());
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertProblem(complete(client, id, wrong, NEW_PASSWORD), 400, "password-reset.invalid-code");
		}
		assertProblem(complete(client, id, code, NEW_PASSWORD), 400, "password-reset.invalid-code");
		new ApiClient(port).signIn(account.username(), DEMO_PASSWORD);
	}

	@Test
	void anExpiredCodeIsRefused() {
		Account account = somePerson();
		ApiClient client = anonymous(port);
		UUID id = requestReset(client, account.username());
		String code = codeMailedTo(account.email());
		jdbc.sql("update identity_password_reset set expires_at = now() - interval '1 second' where id = ?").param(id)
			.update();
		assertProblem(complete(client, id, code, NEW_PASSWORD), 400, "password-reset.invalid-code");
	}

	@Test
	void aWeakPasswordIsRefusedByThePolicyAndTheCodeStaysUsable() {
		Account account = somePerson();
		ApiClient client = anonymous(port);
		UUID id = requestReset(client, account.username());
		String code = codeMailedTo(account.email());
		Response weak = complete(client, id, code, "password");
		assertProblem(weak, 422, "request.validation");
		assertThat(weak.body()).contains("newPassword");
		assertThat(complete(client, id, code, NEW_PASSWORD).status()).isEqualTo(204);
	}

	@Test
	void anAccountGetsAtMostThreeCodesAnHourWithoutTellingTheCaller() {
		Account account = somePerson();
		for (int i = 0; i < 4; i++) {
			requestReset(anonymous(port), account.username());
		}
		assertThat(jdbc.sql("""
				select count(*) from identity_password_reset r join identity_account a on a.id = r.account_id
				where a.username = ?""").param(account.username()).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void oneAddressIsRefusedAfterTenRequestsAnHour() {
		ApiClient client = anonymous(port);
		for (int i = 0; i < 10; i++) {
			requestReset(client, "nobody-" + i);
		}
		Response refused = client.postJson("/api/v1/identity/password-resets", "{\"login\":\"stu001\",\"channel\":\"email\"}");
		assertProblem(refused, 429, "password-reset.too-many");
	}

	@Test
	void anUnknownChannelIsRefusedNamingIt() {
		Response response = anonymous(port).postJson("/api/v1/identity/password-resets",
				"{\"login\":\"stu001\",\"channel\":\"pigeon\"}");
		assertProblem(response, 422, "request.validation");
		assertThat(response.body()).contains("channel");
	}

	static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String content(MimeMessage message) {
		try {
			return message.getContent().toString();
		}
		catch (MessagingException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
