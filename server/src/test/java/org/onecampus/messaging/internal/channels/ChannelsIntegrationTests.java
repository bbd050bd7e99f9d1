package org.onecampus.messaging.internal.channels;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onecampus.messaging.internal.channels.LocalHttpService.Reply;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.announcement;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Every channel against a real counterpart: GreenMail for SMTP, and local HTTP servers that answer
 * in WeCom's, DingTalk's, an SMS gateway's and a webhook receiver's documented formats, including
 * their error codes for expired tokens and rate limits.
 */
@IntegrationTest
class ChannelsIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin() {
		return new ApiClient(port).signIn("admin", DEMO_PASSWORD);
	}

	@AfterEach
	void disableChannelsAndDropLeftovers() {
		jdbc.sql("update messaging_channel_setting set enabled = false where channel <> 'inapp'").update();
		jdbc.sql("update messaging_delivery set status = 'FAILED', reason = 'test over' where channel <> 'inapp' and status = 'QUEUED'")
			.update();
	}

	void configure(String channel, String settingsJson) {
		Response response = admin().putJson("/api/v1/messaging/channels/" + channel,
				"{\"enabled\":true,\"ratePerSecond\":100,\"settings\":" + settingsJson + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	UUID send(String body) {
		Response response = admin().postJson("/api/v1/messaging/messages", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return UUID.fromString(response.json().get("id").asString());
	}

	String status(UUID message, String channel) {
		return jdbc.sql("select status from messaging_delivery where message_id = ? and channel = ?")
			.params(message, channel).query(String.class).single();
	}

	String reason(UUID message, String channel) {
		return jdbc.sql("select reason from messaging_delivery where message_id = ? and channel = ?")
			.params(message, channel).query(String.class).single();
	}

	@Test
	void anEmailCarriesTheChineseSubjectAndBodyInUtf8() throws Exception {
		configure("email", """
				{"host":"127.0.0.1","port":"%d","from":"noreply@demo.edu.cn"}""".formatted(smtp.getSmtp().getPort()));
		String title = "选课通知 " + UUID.randomUUID().toString().substring(0, 6);
		UUID id = send(announcement(title, "同学们好：请于周五前完成选课。", "[\"email\"]", "stu001"));
		eventually(Duration.ofSeconds(15), "the e-mail is sent", () -> "SENT".equals(status(id, "email")));
		MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
			.filter(m -> title.equals(subject(m)))
			.findFirst()
			.orElseThrow();
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("stu001@demo.edu.cn");
		assertThat(mail.getHeader("Subject")[0]).startsWith("=?UTF-8?");
		assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(mail.getContent().toString().strip()).isEqualTo("同学们好：请于周五前完成选课。");
		assertThat(mail.getMessageID()).startsWith("<delivery-");
	}

	static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aWebhookIsSignedWithHmacSha256AndRetriedAfterAServerError() {
		AtomicInteger calls = new AtomicInteger();
		try (LocalHttpService receiver = new LocalHttpService().on("/hook",
				r -> calls.incrementAndGet() == 1 ? new Reply(503, "") : new Reply(204, ""))) {
			configure("webhook", "{\"url\":\"%s/hook\",\"secret\":\"s3cret-hook\"}".formatted(receiver.url()));
			UUID id = send(announcement("Webhook 测试", "正文", "[\"webhook\"]", "fac001"));
			eventually(Duration.ofSeconds(15), "the webhook is sent", () -> "SENT".equals(status(id, "webhook")));
			var requests = receiver.requests("/hook");
			assertThat(requests).hasSize(2);
			var last = requests.get(1);
			String expected = "sha256=" + WebhookChannel.sign("s3cret-hook", last.headers().get("x-onecampus-timestamp") + "." + last.body());
			assertThat(last.headers().get("x-onecampus-signature")).isEqualTo(expected);
			JsonNode payload = json.readTree(last.body());
			assertThat(payload.get("username").asString()).isEqualTo("fac001");
			assertThat(payload.get("title").asString()).isEqualTo("Webhook 测试");
			assertThat(jdbc.sql("select attempts from messaging_delivery where message_id = ?").param(id)
				.query(Integer.class).single()).isEqualTo(2);
		}
	}

	@Test
	void weComRefreshesAnExpiredTokenAndRetriesWhenRateLimited() {
		AtomicInteger tokens = new AtomicInteger();
		AtomicInteger sends = new AtomicInteger();
		try (LocalHttpService wecom = new LocalHttpService()
			.on("/cgi-bin/gettoken", r -> Reply.json("""
					{"errcode":0,"errmsg":"ok","access_token":"token-%d","expires_in":7200}""".formatted(tokens.incrementAndGet())))
			.on("/cgi-bin/message/send", r -> switch (sends.incrementAndGet()) {
				case 1 -> Reply.json("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
				case 2 -> Reply.json("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
				default -> r.query().get("access_token").equals("token-2")
						? Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}")
						: Reply.json("{\"errcode\":40014,\"errmsg\":\"invalid access_token\"}");
			})) {
			configure("wecom", """
					{"baseUrl":"%s","corpId":"ww-demo","agentId":"1000002","corpSecret":"wecom-secret"}""".formatted(wecom.url()));
			UUID id = send(announcement("企业微信通知", "正文", "[\"wecom\"]", "stu001"));
			eventually(Duration.ofSeconds(15), "the WeCom message is sent", () -> "SENT".equals(status(id, "wecom")));
			assertThat(tokens.get()).isEqualTo(2);
			assertThat(wecom.requests("/cgi-bin/gettoken").get(0).query()).containsEntry("corpid", "ww-demo")
				.containsEntry("corpsecret", "wecom-secret");
			JsonNode body = json.readTree(wecom.requests("/cgi-bin/message/send").get(2).body());
			assertThat(body.get("touser").asString()).isEqualTo("stu001");
			assertThat(body.get("agentid").asLong()).isEqualTo(1000002);
			assertThat(body.get("msgtype").asString()).isEqualTo("text");
			assertThat(body.get("text").get("content").asString()).contains("企业微信通知");

			UUID second = send(announcement("第二条", "正文", "[\"wecom\"]", "fac001"));
			eventually(Duration.ofSeconds(15), "the second is sent", () -> "SENT".equals(status(second, "wecom")));
			assertThat(tokens.get()).as("the token is cached").isEqualTo(2);
		}
	}

	@Test
	void weComFailsADeliveryToAnUnknownUserWithTheReason() {
		try (LocalHttpService wecom = new LocalHttpService()
			.on("/cgi-bin/gettoken", r -> Reply.json("{\"errcode\":0,\"access_token\":\"t\",\"expires_in\":7200}"))
			.on("/cgi-bin/message/send", r -> Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"fac001\"}"))) {
			configure("wecom", """
					{"baseUrl":"%s","corpId":"ww","agentId":"1","corpSecret":"x"}""".formatted(wecom.url()));
			UUID id = send(announcement("t", "b", "[\"wecom\"]", "fac001"));
			eventually(Duration.ofSeconds(15), "the delivery fails", () -> "FAILED".equals(status(id, "wecom")));
			assertThat(reason(id, "wecom")).contains("fac001");
		}
	}

	@Test
	void dingTalkSendsAWorkNoticeAndRefreshesAnInvalidToken() {
		AtomicInteger tokens = new AtomicInteger();
		try (LocalHttpService dingtalk = new LocalHttpService()
			.on("/gettoken", r -> Reply.json("""
					{"errcode":0,"errmsg":"ok","access_token":"dt-%d","expires_in":7200}""".formatted(tokens.incrementAndGet())))
			.on("/topapi/message/corpconversation/asyncsend_v2", r -> r.query().get("access_token").equals("dt-1")
					? Reply.json("{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}")
					: Reply.json("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}"))) {
			configure("dingtalk", """
					{"baseUrl":"%s","appKey":"ding-key","agentId":"2233","appSecret":"ding-secret"}""".formatted(dingtalk.url()));
			UUID id = send(announcement("钉钉工作通知", "正文", "[\"dingtalk\"]", "fac001"));
			eventually(Duration.ofSeconds(15), "the work notice is sent", () -> "SENT".equals(status(id, "dingtalk")));
			assertThat(tokens.get()).isEqualTo(2);
			assertThat(dingtalk.requests("/gettoken").get(0).query()).containsEntry("appkey", "ding-key")
				.containsEntry("appsecret", "ding-secret");
			JsonNode body = json.readTree(dingtalk.requests("/topapi/message/corpconversation/asyncsend_v2").get(1).body());
			assertThat(body.get("agent_id").asLong()).isEqualTo(2233);
			assertThat(body.get("userid_list").asString()).isEqualTo("fac001");
			assertThat(body.get("msg").get("text").get("content").asString()).contains("钉钉工作通知");
		}
	}

	@Test
	void theSmsGatewayFollowsTheConfiguredBodyAuthAndSuccessRule() {
		AtomicInteger calls = new AtomicInteger();
		try (LocalHttpService gateway = new LocalHttpService().on("/sms", r -> switch (calls.incrementAndGet()) {
			case 1 -> new Reply(429, "{\"code\":\"RATE\"}");
			case 2 -> Reply.json("{\"code\":\"BUSY\"}");
			default -> Reply.json("{\"code\":\"0\",\"msg\":\"ok\"}");
		})) {
			configure("sms", """
					{"url":"%s/sms","bodyTemplate":"{\\"mobile\\":\\"{{phone}}\\",\\"text\\":\\"{{content}}\\"}",
					 "authHeader":"X-Api-Key","authValue":"sms-key","successPointer":"/code","successValue":"0",
					 "retryValues":"BUSY"}""".formatted(gateway.url()));
			UUID id = send("""
					{"category":"verification-code","recipients":{"persons":["stu001"]},"template":"verification-code",
					 "variables":{"code":"246810","minutes":"5"},"channels":["sms"]}""");
			eventually(Duration.ofSeconds(15), "the SMS is sent", () -> "SENT".equals(status(id, "sms")));
			var last = gateway.requests("/sms").get(2);
			assertThat(last.headers().get("x-api-key")).isEqualTo("sms-key");
			JsonNode body = json.readTree(last.body());
			assertThat(body.get("mobile").asString()).matches("1[3-9]\\d{9}");
			assertThat(body.get("text").asString()).contains("246810", "5 分钟");
		}
	}

	@Test
	void aChannelThatHangsDoesNotHoldUpTheInbox() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		try (LocalHttpService hanging = new LocalHttpService().on("/hook", r -> {
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new Reply(200, "");
		})) {
			configure("webhook", "{\"url\":\"%s/hook\",\"secret\":\"k\"}".formatted(hanging.url()));
			UUID first = send(announcement("挂起", "b", "[\"webhook\"]", "fac001"));
			eventually(Duration.ofSeconds(10), "the webhook call hangs", () -> !hanging.requests("/hook").isEmpty());
			UUID id = send(announcement("照常送达", "b", "[\"inapp\",\"webhook\"]", "fac001"));
			eventually(Duration.ofSeconds(5), "the inbox gets it while the webhook hangs",
					() -> "SENT".equals(status(id, "inapp")));
			assertThat(status(first, "webhook")).isEqualTo("QUEUED");
			release.countDown();
		}
	}

	@Test
	void secretsAreEncryptedAtRestAndNeverReturned() {
		configure("webhook", "{\"url\":\"https://hooks.example.edu.cn/a\",\"secret\":\"very-secret-value\"}");
		Response channel = admin().get("/api/v1/messaging/channels/webhook");
		assertThat(channel.body()).doesNotContain("very-secret-value");
		JsonNode secret = java.util.stream.StreamSupport.stream(channel.json().get("fields").spliterator(), false)
			.filter(f -> f.get("name").asString().equals("secret")).findFirst().orElseThrow();
		assertThat(secret.get("secretSet").asBoolean()).isTrue();
		assertThat(jdbc.sql("select coalesce(secrets, '') || settings::text from messaging_channel_setting where channel = 'webhook'")
			.query(String.class).single()).doesNotContain("very-secret-value").contains("hooks.example.edu.cn");

		Response kept = admin().putJson("/api/v1/messaging/channels/webhook",
				"{\"enabled\":true,\"ratePerSecond\":5,\"settings\":{\"url\":\"https://hooks.example.edu.cn/b\"}}");
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.body()).contains("\"secretSet\":true");
	}

	@Test
	void invalidChannelSettingsAreRefusedNamingTheSetting() {
		Response badUrl = admin().putJson("/api/v1/messaging/channels/webhook",
				"{\"enabled\":true,\"ratePerSecond\":5,\"settings\":{\"url\":\"not a url\",\"secret\":\"k\"}}");
		assertProblem(badUrl, 422, "request.validation");
		assertThat(badUrl.body()).contains("settings.url");
		Response missing = admin().putJson("/api/v1/messaging/channels/email",
				"{\"enabled\":true,\"ratePerSecond\":5,\"settings\":{\"port\":\"70000\"}}");
		assertProblem(missing, 422, "request.validation");
		assertThat(missing.body()).contains("settings.host", "settings.from", "settings.port");
		assertProblem(admin().putJson("/api/v1/messaging/channels/pigeon", "{\"enabled\":true,\"ratePerSecond\":5}"), 404,
				"resource.not-found");
	}
}
