package org.onecampus.messaging.internal;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.MessagingFixtures;
import org.onecampus.messaging.SendMessage;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.announcement;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** Sending through the REST API, the in-app inbox, idempotency and the refusals of bad input. */
@IntegrationTest
class MessagingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Messaging messaging;

	@Autowired
	TransactionTemplate transactions;

	ApiClient as(String username) {
		ApiClient client = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		MessagingFixtures.signInsSettled(jdbc, username);
		return client;
	}

	long unread(ApiClient client) {
		return client.get("/api/v1/messaging/inbox/unread-count").json().get("unread").asLong();
	}

	String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void anAnnouncementReachesTheInboxAndCanBeMarkedRead() {
		ApiClient admin = as("admin");
		ApiClient student = as("grad001");
		String title = unique("选课通知");
		Response sent = admin.postJson("/api/v1/messaging/messages",
				announcement(title, "请于周五前完成选课。", "[\"inapp\"]", "grad001"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String id = sent.json().get("id").asString();
		assertThat(sent.header("location")).endsWith("/api/v1/messaging/messages/" + id);
		assertThat(sent.json().get("recipients").asInt()).isEqualTo(1);

		eventually(Duration.ofSeconds(15), "the message is in the inbox", () -> student
			.get("/api/v1/messaging/inbox?unread=true&size=100").body().contains(title));
		var entry = student.get("/api/v1/messaging/inbox?unread=true&size=100").json().get("items").get(0);
		assertThat(entry.get("title").asString()).isEqualTo(title);
		assertThat(entry.get("body").asString()).isEqualTo("请于周五前完成选课。");
		long before = unread(student);
		assertThat(before).isPositive();

		assertThat(as("fac001").postJson("/api/v1/messaging/inbox/" + entry.get("id").asLong() + "/read", "").status())
			.isEqualTo(404);
		assertThat(student.postJson("/api/v1/messaging/inbox/" + entry.get("id").asLong() + "/read", "").status())
			.isEqualTo(204);
		assertThat(unread(student)).isEqualTo(before - 1);
		assertThat(student.get("/api/v1/messaging/inbox?unread=true&size=100").body()).doesNotContain(title);
		assertThat(student.get("/api/v1/messaging/inbox?size=100").body()).contains(title);
		assertThat(jdbc.sql("select status from messaging_delivery where id = ?").param(entry.get("id").asLong())
			.query(String.class).single()).isEqualTo("READ");
	}

	@Test
	void anAcceptedMessageCommitsSynchronouslyWhateverTheSessionSays() {
		String title = unique("同步提交");
		String setting = transactions.execute(status -> {
			jdbc.sql("set local synchronous_commit = off").update();
			messaging.send(new SendMessage("module:test", unique("sync"), "result", SendMessage.Recipients.persons("grad001"),
					null, null, title, "正文", null));
			return jdbc.sql("show synchronous_commit").query(String.class).single();
		});
		assertThat(setting).isEqualTo("on");
		assertThat(jdbc.sql("select count(*) from messaging_message where title = ?").param(title).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRetriedSendWithTheSameIdempotencyKeyReturnsTheSameMessageAndSendsNothingMore() {
		ApiClient admin = as("admin");
		String key = unique("key");
		String body = announcement(unique("停电通知"), "周六 8:00-12:00 停电。", "[\"inapp\"]", "stu001", "fac001");
		Response first = admin.send("POST", "/api/v1/messaging/messages", "application/json",
				java.net.http.HttpRequest.BodyPublishers.ofString(body));
		assertThat(first.status()).isEqualTo(201);
		Response again = new ApiClientWithKey(admin, key).post(body);
		assertThat(again.status()).isEqualTo(201);
		Response retried = new ApiClientWithKey(admin, key).post(body);
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.json().get("id").asString()).isEqualTo(again.json().get("id").asString());
		assertThat(retried.json().get("replayed").asBoolean()).isTrue();
		assertThat(jdbc.sql("select count(*) from messaging_delivery where message_id = ?")
			.param(UUID.fromString(again.json().get("id").asString())).query(Long.class).single()).isEqualTo(2);

		Response different = new ApiClientWithKey(admin, key).post(body.replace("停电", "停水"));
		assertProblem(different, 409, "messaging.idempotency-key-reused");
	}

	@Test
	void unknownRecipientsAreRefusedNamingEachOne() {
		Response response = as("admin").postJson("/api/v1/messaging/messages",
				announcement("t", "b", "[\"inapp\"]", "stu001", "nobody-x1", "nobody-x2"));
		assertProblem(response, 422, "messaging.unknown-recipients");
		assertThat(response.json().get("detail").asString()).contains("usernames:nobody-x1", "usernames:nobody-x2");
	}

	@Test
	void anEmptyRecipientSetIsRefused() {
		assertProblem(as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"announcement","recipients":{"persons":[]},"title":"t","body":"b"}"""), 422,
				"messaging.no-recipients");
		assertProblem(as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"announcement","title":"t","body":"b"}"""), 422, "messaging.no-recipients");
	}

	@Test
	void aTemplateWithAMissingVariableIsRefusedNamingIt() {
		Response response = as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"security","recipients":{"persons":["stu001"]},"template":"new-device",
				 "variables":{"name":"李明轩","time":"10:00"}}""");
		assertProblem(response, 422, "messaging.template-variable-missing");
		assertThat(response.json().get("detail").asString()).contains("device");
	}

	@Test
	void anOversizedBodyAndAnUnknownCategoryAreRefused() {
		Response big = as("admin").postJson("/api/v1/messaging/messages",
				announcement("t", "长".repeat(20_001), "[\"inapp\"]", "stu001"));
		assertProblem(big, 422, "messaging.body-too-long");
		Response category = as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"gossip","recipients":{"persons":["stu001"]},"title":"t","body":"b"}""");
		assertProblem(category, 422, "messaging.unknown-category");
		assertThat(jdbc.sql("select count(*) from messaging_message where body = ?").param("长".repeat(20_001))
			.query(Long.class).single()).isZero();
	}

	@Test
	void aPersonWithoutThePermissionCannotSend() {
		Response response = as("stu001").postJson("/api/v1/messaging/messages",
				announcement("t", "b", "[\"inapp\"]", "fac001"));
		assertProblem(response, 403, "auth.forbidden");
	}

	@Test
	void anOrgUnitWithSubUnitsAndAPersonInItAreResolvedOnceEach() {
		Response response = as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"announcement","recipients":{"persons":["stu001"],"orgUnits":["CS"],"includeSubUnits":true},
				 "title":"学院通知","body":"全院大会","channels":["inapp"]}""");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		UUID id = UUID.fromString(response.json().get("id").asString());
		long recipients = jdbc.sql("select count(*) from messaging_recipient where message_id = ?").param(id)
			.query(Long.class).single();
		assertThat(recipients).isEqualTo(response.json().get("recipients").asLong()).isGreaterThan(50);
		assertThat(jdbc.sql("""
				select count(*) from messaging_recipient where message_id = ? and username = 'stu001'""")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from messaging_delivery where message_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(recipients);
	}

	@Test
	void aTemplateIsRenderedInTheRecipientsLanguage() {
		ApiClient english = as("intl001");
		assertThat(english.putJson("/api/v1/me/preferences", "{\"locale\":\"en-US\"}").status()).isEqualTo(200);
		String device = unique("iPhone");
		Response sent = as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"security","recipients":{"persons":["intl001","head001"]},"template":"new-device",
				 "variables":{"name":"X","time":"10:00","device":"%s"},"channels":["inapp"]}""".formatted(device));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		eventually(Duration.ofSeconds(15), "both inboxes have it", () -> english.get("/api/v1/messaging/inbox?size=100")
			.body().contains(device) && as("head001").get("/api/v1/messaging/inbox?size=100").body().contains(device));
		assertThat(english.get("/api/v1/messaging/inbox?size=100").body()).contains("Sign-in from a new device");
		assertThat(as("head001").get("/api/v1/messaging/inbox?size=100").body()).contains("新设备登录提醒");
		english.putJson("/api/v1/me/preferences", "{\"locale\":\"zh-CN\"}");
	}

	@Test
	void thePreviewRendersATemplateAndNamesAMissingVariable() {
		ApiClient admin = as("admin");
		Response preview = admin.postJson("/api/v1/messaging/templates/verification-code/preview", """
				{"locale":"en-US","channel":"sms","variables":{"code":"123456","minutes":"5"}}""");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		assertThat(preview.json().get("body").asString()).isEqualTo(
				"Your code is 123456; it expires in 5 minutes. Ignore this if you did not ask for it.");
		Response missing = admin.postJson("/api/v1/messaging/templates/verification-code/preview",
				"{\"variables\":{\"code\":\"1\"}}");
		assertProblem(missing, 422, "messaging.template-variable-missing");
		assertThat(missing.json().get("detail").asString()).contains("minutes");
	}

	@Test
	void theDeliveryLogFindsDeliveriesByRecipientChannelAndStatus() {
		ApiClient admin = as("admin");
		String title = unique("日志测试");
		admin.postJson("/api/v1/messaging/messages", announcement(title, "b", "[\"inapp\"]", "cou001"));
		eventually(Duration.ofSeconds(15), "the delivery is sent", () -> admin
			.get("/api/v1/messaging/deliveries?recipient=cou001&channel=inapp&status=SENT&size=100").body().contains(title));
		var page = admin.get("/api/v1/messaging/deliveries?recipient=cou001&channel=inapp&status=SENT&size=100").json();
		assertThat(page.get("total").asLong()).isPositive();
		page.get("items").forEach(item -> {
			assertThat(item.get("recipient").asString()).isEqualTo("cou001");
			assertThat(item.get("status").asString()).isEqualTo("SENT");
		});
		assertThat(admin.get("/api/v1/messaging/deliveries?recipient=cou001&status=FAILED&size=100").body())
			.doesNotContain(title);
		assertProblem(as("stu001").get("/api/v1/messaging/deliveries"), 403, "auth.forbidden");
	}

	@Test
	void aPersonCanSwitchOffAChannelButNotAMandatoryCategory() {
		ApiClient person = as("fac001");
		Response mandatory = person.putJson("/api/v1/messaging/preferences",
				"{\"channels\":{\"security\":[\"inapp\"]}}");
		assertProblem(mandatory, 422, "request.validation");
		assertThat(mandatory.body()).contains("channels.security");

		Response saved = person.putJson("/api/v1/messaging/preferences", "{\"channels\":{\"announcement\":[\"inapp\"]}}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		withEmailToNowhere(() -> {
			UUID announcement = send("fac001", "announcement");
			assertThat(channels(announcement)).containsExactly("inapp");
			UUID security = send("fac001", "security");
			assertThat(channels(security)).containsExactlyInAnyOrder("inapp", "email");
		});
		person.putJson("/api/v1/messaging/preferences", "{\"channels\":{\"announcement\":[\"inapp\",\"email\"]}}");
	}

	@Test
	void quietHoursHoldBackEmailButNotUrgentMessagesOrTheInbox() {
		ApiClient person = as("cou001");
		java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of("Asia/Shanghai"));
		Response saved = person.putJson("/api/v1/messaging/preferences", """
				{"quietHours":{"start":"%s","end":"%s","timeZone":"Asia/Shanghai"}}"""
			.formatted(now.minusHours(1).withNano(0).withSecond(0), now.plusHours(1).withNano(0).withSecond(0)));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		withEmailToNowhere(() -> {
			UUID normal = send("cou001", "announcement");
			assertThat(heldBack(normal, "email")).isTrue();
			assertThat(heldBack(normal, "inapp")).isFalse();
			UUID urgent = send("cou001", "security");
			assertThat(heldBack(urgent, "email")).isFalse();
		});
		person.putJson("/api/v1/messaging/preferences", "{\"quietHours\":null}");
	}

	UUID send(String username, String category) {
		Response sent = as("admin").postJson("/api/v1/messaging/messages", """
				{"category":"%s","recipients":{"persons":["%s"]},"title":"t","body":"b","channels":["inapp","email"]}"""
			.formatted(category, username));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		return UUID.fromString(sent.json().get("id").asString());
	}

	java.util.List<String> channels(UUID message) {
		return jdbc.sql("select channel from messaging_delivery where message_id = ?").param(message).query(String.class).list();
	}

	boolean heldBack(UUID message, String channel) {
		return jdbc.sql("""
				select next_attempt_at > now() + interval '30 minutes' from messaging_delivery
				where message_id = ? and channel = ?""").params(message, channel).query(Boolean.class).single();
	}

	/** Runs with the e-mail channel enabled towards a port where nothing listens, then disables it again. */
	void withEmailToNowhere(Runnable body) {
		jdbc.sql("""
				insert into messaging_channel_setting (channel, enabled, settings) values ('email', true,
				  '{"host":"127.0.0.1","port":"1","from":"noreply@demo.edu.cn"}')
				on conflict (channel) do update set enabled = true, settings = excluded.settings""").update();
		try {
			body.run();
		}
		finally {
			jdbc.sql("update messaging_channel_setting set enabled = false where channel = 'email'").update();
			jdbc.sql("update messaging_delivery set status = 'FAILED', reason = 'test' where channel = 'email' and status = 'QUEUED'")
				.update();
		}
	}

	/** Sends with an Idempotency-Key header. */
	record ApiClientWithKey(ApiClient client, String key) {

		Response post(String body) {
			return client.postJson("/api/v1/messaging/messages", body, java.util.Map.of("Idempotency-Key", key));
		}
	}
}
