package org.onecampus.identity.internal.registration;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.demo.ChineseIdNumbers;
import org.onecampus.identity.internal.people.LifecycleRuns;
import org.onecampus.messaging.internal.channels.LocalHttpService;
import org.onecampus.messaging.internal.channels.LocalHttpService.Reply;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Visitors and parents registering themselves, end to end: the code goes out through the messaging
 * SMS channel to a local HTTP SMS gateway, and the new account signs in through {@code /login} by
 * its phone number.
 */
@IntegrationTest
class SelfRegistrationIntegrationTests {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	static final String PASSWORD = "Harbour-Lantern-93!";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JsonMapper json;

	LocalHttpService gateway;

	@BeforeEach
	void smsGoesToTheLocalGateway() {
		gateway = new LocalHttpService().on("/sms", r -> Reply.json("{\"code\":\"0\"}"));
		Response response = new ApiClient(port).signIn("admin", DEMO_PASSWORD).putJson("/api/v1/messaging/channels/sms",
				"""
						{"enabled":true,"ratePerSecond":100,"settings":{"url":"%s/sms","successPointer":"/code","successValue":"0"}}"""
					.formatted(gateway.url()));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}

	@AfterEach
	void stopTheGateway() {
		jdbc.sql("update messaging_channel_setting set enabled = false where channel = 'sms'").update();
		gateway.close();
	}

	static ApiClient anonymous(int port) {
		return new ApiClient(port).from("10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(100, 200),
				ThreadLocalRandom.current().nextInt(256), ThreadLocalRandom.current().nextInt(1, 255)));
	}

	/** A mobile number nobody in the directory has. */
	String freshPhone() {
		while (true) {
			String phone = "199" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
			if (jdbc.sql("select count(*) from identity_person where phone = ?").param(phone).query(Long.class).single() == 0) {
				return phone;
			}
		}
	}

	/** A well-formed 身份证 of an adult that nobody in the directory has. */
	static String freshIdCard() {
		LocalDate born = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
		return ChineseIdNumbers.compose("110105", born, ThreadLocalRandom.current().nextInt(1000));
	}

	UUID requestCode(ApiClient client, String phone) {
		Response response = client.postJson("/api/v1/identity/self-registrations", "{\"phone\":\"" + phone + "\"}");
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		assertThat(response.json().propertyNames()).containsExactlyInAnyOrder("id", "expiresInMinutes");
		return UUID.fromString(response.json().get("id").asString());
	}

	/** The code of the {@code nth} SMS (from 1) sent to this phone. */
	String codeTextedTo(String phone, int nth) {
		String[] code = new String[1];
		eventually(Duration.ofSeconds(20), "code " + nth + " is texted to " + phone, () -> {
			List<String> texts = gateway.requests("/sms").stream()
				.map(request -> json.readTree(request.body()))
				.filter(body -> phone.equals(body.get("phone").asString()))
				.map(body -> body.get("content").asString())
				.toList();
			if (texts.size() < nth) {
				return false;
			}
			Matcher matcher = CODE.matcher(texts.get(nth - 1));
			assertThat(matcher.find()).as(texts.get(nth - 1)).isTrue();
			code[0] = matcher.group(1);
			return true;
		});
		return code[0];
	}

	String codeTextedTo(String phone) {
		return codeTextedTo(phone, 1);
	}

	long textsTo(String phone) {
		return gateway.requests("/sms").stream()
			.filter(request -> phone.equals(json.readTree(request.body()).get("phone").asString()))
			.count();
	}

	Response verify(ApiClient client, UUID id, String code) {
		return client.postJson("/api/v1/identity/self-registrations/" + id + "/verification", "{\"code\":\"" + code + "\"}");
	}

	Response complete(ApiClient client, UUID id, String details) {
		return client.postJson("/api/v1/identity/self-registrations/" + id + "/completion", details);
	}

	static String visitor(String name, String idCard) {
		return """
				{"name":"%s","idCard":"%s","kind":"VISITOR","password":"%s"}""".formatted(name, idCard, PASSWORD);
	}

	static String parent(String name, String idCard, String childIdentifier, String childName) {
		return """
				{"name":"%s","idCard":"%s","kind":"PARENT","childIdentifier":"%s","childName":"%s","password":"%s"}"""
			.formatted(name, idCard, childIdentifier, childName, PASSWORD);
	}

	/** The whole flow for a new phone number; returns the completion's answer. */
	Response register(ApiClient client, String phone, String details) {
		int nth = (int) textsTo(phone) + 1;
		UUID id = requestCode(client, phone);
		assertThat(verify(client, id, codeTextedTo(phone, nth)).status()).isEqualTo(204);
		return complete(client, id, details);
	}

	long audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = ? and target like ?").params(action, target)
			.query(Long.class).single();
	}

	@Test
	void theTextedCodeRegistersAVisitorWhoSignsInByPhoneWithOnlyVisitorPermissions() {
		String phone = freshPhone();
		String idCard = freshIdCard();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		assertThat(verify(client, id, codeTextedTo(phone)).status()).isEqualTo(204);
		Response created = complete(client, id, visitor("陈静怡", idCard));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("outcome").asString()).isEqualTo("CREATED");
		assertThat(created.json().get("validUntil").asString()).isEqualTo(LocalDate.now().plusDays(30).toString());
		ApiClient visitor = new ApiClient(port).signIn(phone, PASSWORD);
		var me = visitor.get("/api/v1/me").json();
		assertThat(me.get("name").asString()).isEqualTo("陈静怡");
		assertThat(me.get("affiliations").get(0).get("type").asString()).isEqualTo("VISITOR");
		var demoVisitor = new ApiClient(port).signIn("visitor001", DEMO_PASSWORD).get("/api/v1/me").json();
		assertThat(me.get("permissions")).isEqualTo(demoVisitor.get("permissions"));
		var stored = jdbc.sql("select id_card_cipher, id_card_digest, id_card_masked from identity_person where phone = ?")
			.param(phone).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
		assertThat(stored.get(0)).doesNotContain(idCard.substring(6, 14));
		assertThat(stored.get(1)).hasSize(64);
		assertThat(stored.get(2)).isEqualTo(ChineseIdNumbers.mask(idCard));
		assertThat(audited("identity.self-registration.requested", "self-registration:" + id)).isEqualTo(1);
		assertThat(audited("identity.self-registration.code-verified", "self-registration:" + id)).isEqualTo(1);
		assertThat(audited("identity.self-registration.created", "person:%")).isPositive();
		assertThat(jdbc.sql("select code_cipher is null and code_hash !~ ? from identity_self_registration where id = ?")
			.params(codeTextedTo(phone), id).query(Boolean.class).single()).isTrue();
	}

	@Test
	void fiveWrongCodesBurnTheRequest() {
		String phone = freshPhone();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		String code = codeTextedTo(phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertProblem(verify(client, id, wrong), 400, "self-registration.invalid-code");
		}
		assertProblem(verify(client, id, code), 400, "self-registration.invalid-code");
		assertProblem(complete(client, id, visitor("王强", freshIdCard())), 400, "self-registration.invalid-code");
	}

	@Test
	void anExpiredCodeIsRefused() {
		String phone = freshPhone();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		String code = codeTextedTo(phone);
		jdbc.sql("update identity_self_registration set expires_at = now() - interval '1 second' where id = ?").param(id)
			.update();
		assertProblem(verify(client, id, code), 400, "self-registration.invalid-code");
	}

	@Test
	void aCodeWorksOnceAndARegistrationCompletesOnce() {
		String phone = freshPhone();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		String code = codeTextedTo(phone);
		assertProblem(complete(client, id, visitor("李娜", freshIdCard())), 400, "self-registration.invalid-code");
		assertThat(verify(client, id, code).status()).isEqualTo(204);
		assertProblem(verify(client, id, code), 400, "self-registration.invalid-code");
		assertThat(complete(client, id, visitor("李娜", freshIdCard())).status()).isEqualTo(201);
		assertProblem(complete(client, id, visitor("李娜", freshIdCard())), 400, "self-registration.invalid-code");
	}

	@Test
	void onePhoneGetsThreeCodesAnHour() {
		String phone = freshPhone();
		for (int i = 0; i < 3; i++) {
			requestCode(anonymous(port), phone);
		}
		assertProblem(anonymous(port).postJson("/api/v1/identity/self-registrations", "{\"phone\":\"" + phone + "\"}"),
				429, "self-registration.too-many");
		assertThat(audited("identity.self-registration.refused", "phone:" + phone.substring(0, 3) + "****%"))
			.isPositive();
	}

	@Test
	void oneAddressGetsTenCodesAnHour() {
		ApiClient client = anonymous(port);
		for (int i = 0; i < 10; i++) {
			requestCode(client, freshPhone());
		}
		assertProblem(client.postJson("/api/v1/identity/self-registrations", "{\"phone\":\"" + freshPhone() + "\"}"),
				429, "self-registration.too-many");
	}

	@Test
	void registeringAgainWithTheSamePhoneAndIdCardRenewsInsteadOfDuplicating() {
		String phone = freshPhone();
		String idCard = freshIdCard();
		assertThat(register(anonymous(port), phone, visitor("赵敏", idCard)).status()).isEqualTo(201);
		jdbc.sql("""
				update identity_affiliation set end_date = current_date + 2
				where person_id = (select id from identity_person where phone = ?)""").param(phone).update();

		Response renewed = register(anonymous(port), phone, visitor("赵敏", idCard));

		assertThat(renewed.status()).as(renewed.body()).isEqualTo(201);
		assertThat(renewed.json().get("outcome").asString()).isEqualTo("RENEWED");
		assertThat(jdbc.sql("select count(*) from identity_person where phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				select end_date from identity_affiliation where person_id = (select id from identity_person where phone = ?)""")
			.param(phone).query(LocalDate.class).single()).isEqualTo(LocalDate.now().plusDays(30));
		assertThat(audited("identity.self-registration.renewed", "person:%")).isPositive();
		new ApiClient(port).signIn(phone, PASSWORD);
	}

	@Test
	void anotherIdCardForARegisteredPhoneIsRefusedAndChangesNothing() {
		String phone = freshPhone();
		assertThat(register(anonymous(port), phone, visitor("孙丽", freshIdCard())).status()).isEqualTo(201);
		assertProblem(register(anonymous(port), phone, visitor("孙丽", freshIdCard())), 409, "self-registration.refused");
		assertThat(jdbc.sql("select count(*) from identity_person where phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void theRegistrationExpiresAndSignInIsThenRefused() {
		String phone = freshPhone();
		assertThat(register(anonymous(port), phone, visitor("周杰", freshIdCard())).status()).isEqualTo(201);
		new ApiClient(port).signIn(phone, PASSWORD);
		// Thirty-one days later: the affiliation's end date lies behind the nightly run's today.
		jdbc.sql("""
				update identity_affiliation set start_date = start_date - 31, end_date = end_date - 31
				where person_id = (select id from identity_person where phone = ?)""").param(phone).update();

		LifecycleRuns.runFor(context, LocalDate.now());

		assertThat(jdbc.sql("""
				select status from identity_affiliation where person_id = (select id from identity_person where phone = ?)""")
			.param(phone).query(String.class).single()).isEqualTo("EXPIRED");
		assertThat(new ApiClient(port).postForm("/login", Map.of("username", phone, "password", PASSWORD)).status())
			.isEqualTo(401);
	}

	@Test
	void aPhoneOfACampusMemberGetsTheSameAnswerButNoCodeAndNoAccount() {
		String phone = jdbc.sql("""
				select p.phone from identity_person p join identity_account a on a.person_id = p.id
				where a.username = 'stu001'""").query(String.class).single();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		assertThat(jdbc.sql("select decoy and code_cipher is null from identity_self_registration where id = ?").param(id)
			.query(Boolean.class).single()).isTrue();
		for (String code : List.of("000000", "123456")) {
			assertProblem(verify(client, id, code), 400, "self-registration.invalid-code");
		}
		assertThat(jdbc.sql("select count(*) from identity_person where phone = ?").param(phone).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aParentIsLinkedToTheChildOnlyWhenTheStudentNumberAndNameMatchAndIsNotTold() {
		var child = jdbc.sql("""
				select f.identifier, p.name from identity_affiliation f join identity_person p on p.id = f.person_id
				join identity_account a on a.person_id = p.id where a.username = 'stu001' and f.type = 'UNDERGRADUATE'""")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		String matchedPhone = freshPhone();
		Response matched = register(anonymous(port), matchedPhone, parent("钱伟", freshIdCard(), child.get(0), child.get(1)));
		String unmatchedPhone = freshPhone();
		Response unmatched = register(anonymous(port), unmatchedPhone, parent("钱芳", freshIdCard(), "NOPE0000", "无此人"));

		assertThat(matched.status()).isEqualTo(201);
		assertThat(unmatched.status()).isEqualTo(201);
		assertThat(matched.json().propertyNames()).isEqualTo(unmatched.json().propertyNames());
		assertThat(matched.json().get("validUntil").asString()).isEqualTo(LocalDate.now().plusDays(365).toString());
		assertThat(linkedChild(matchedPhone)).isEqualTo(jdbc.sql(
				"select person_id from identity_account where username = 'stu001'").query(UUID.class).single().toString());
		assertThat(linkedChild(unmatchedPhone)).isNull();
	}

	String linkedChild(String parentPhone) {
		return jdbc.sql("""
				select cast(child_person_id as text) from identity_guardian_link
				where parent_person_id = (select id from identity_person where phone = ?)""").param(parentPhone)
			.query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
	}

	@Test
	void badDetailsAreProblemsNamingEachFieldAndKeepTheRequestUsable() {
		String phone = freshPhone();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		assertThat(verify(client, id, codeTextedTo(phone)).status()).isEqualTo(204);
		String idCard = freshIdCard();
		String wrongCheck = idCard.substring(0, 17) + (idCard.charAt(17) == '0' ? '1' : '0');

		Response bad = complete(client, id, """
				{"name":"","idCard":"%s","kind":"PARENT","password":"x"}""".formatted(wrongCheck));
		assertProblem(bad, 422, "request.validation");
		assertThat(bad.body()).contains("\"name\"", "\"idCard\"", "\"childIdentifier\"", "\"childName\"");
		Response weak = complete(client, id, """
				{"name":"吴昊","idCard":"%s","kind":"VISITOR","password":"%s"}""".formatted(idCard, phone));
		assertProblem(weak, 422, "request.validation");
		assertThat(weak.body()).contains("\"password\"");
		Response future = complete(client, id, """
				{"name":"吴昊","idCard":"%s","kind":"VISITOR","password":"%s"}"""
			.formatted(ChineseIdNumbers.compose("110105", LocalDate.now().plusYears(1), 1), PASSWORD));
		assertProblem(future, 422, "request.validation");

		assertThat(complete(client, id, visitor("吴昊", idCard)).status()).isEqualTo(201);
		assertProblem(anonymous(port).postJson("/api/v1/identity/self-registrations", "{\"phone\":\"12345\"}"), 422,
				"request.validation");
	}

	@Test
	void theStrengthMeterAnswersOnlyForAVerifiedRequest() {
		String phone = freshPhone();
		ApiClient client = anonymous(port);
		UUID id = requestCode(client, phone);
		String check = "{\"password\":\"" + PASSWORD + "\"}";
		assertProblem(client.postJson("/api/v1/identity/self-registrations/" + id + "/password-check", check), 400,
				"self-registration.invalid-code");
		assertThat(verify(client, id, codeTextedTo(phone)).status()).isEqualTo(204);
		Response answer = client.postJson("/api/v1/identity/self-registrations/" + id + "/password-check", check);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().get("acceptable").asBoolean()).isTrue();
		Response phoneAsPassword = client.postJson("/api/v1/identity/self-registrations/" + id + "/password-check",
				"{\"password\":\"Ab!" + phone + "\"}");
		assertThat(phoneAsPassword.json().get("problems").toString()).contains("personal");
	}
}
