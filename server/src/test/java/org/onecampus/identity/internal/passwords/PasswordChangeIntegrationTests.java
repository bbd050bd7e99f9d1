package org.onecampus.identity.internal.passwords;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.internal.passwords.DemoPeople.Student;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

@IntegrationTest
class PasswordChangeIntegrationTests {

	static final String PASSWORD = "/api/v1/identity/account/password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	DemoPeople people;

	@BeforeEach
	void setUp() {
		people = new DemoPeople(jdbc);
	}

	@Test
	void aStudentChangesTheirPasswordSignsInWithTheNewOneAndTheirOtherSessionsEnd() {
		Student student = people.undergraduate(0);
		ApiClient laptop = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);
		ApiClient phone = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);

		Response changed = laptop.putJson(PASSWORD, change(IntegrationTest.DEMO_PASSWORD, "Lantern#2718-wavelet"));

		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(laptop.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(phone.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).postForm("/login",
				Map.of("username", student.username(), "password", IntegrationTest.DEMO_PASSWORD)).status()).isEqualTo(401);
		new ApiClient(port).signIn(student.username(), "Lantern#2718-wavelet");
		assertThat(people.audited("identity.password-changed", "account:" + people.accountId(student.username())))
			.isEqualTo(1);
		assertThat(people.hash(student.username())).startsWith("$argon2id$");
	}

	@Test
	void aPasswordMadeOfTheStudentNumberIsRefusedNamingTheRuleAndNothingChanges() {
		Student student = people.undergraduate(1);
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);
		String before = people.hash(student.username());

		Response refused = browser.putJson(PASSWORD, change(IntegrationTest.DEMO_PASSWORD, student.studentNumber() + "@"));

		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").findValuesAsString("field")).contains("newPassword");
		assertThat(refused.json().get("errors").findValuesAsString("message"))
			.contains("不能使用用户名、学号/工号、手机号、生日或身份证号码");
		assertThat(people.hash(student.username())).isEqualTo(before);
	}

	@Test
	void theWrongCurrentPasswordIsRefused() {
		Student student = people.undergraduate(2);
		ApiClient browser = new ApiClient(port).language("en-US").signIn(student.username(), IntegrationTest.DEMO_PASSWORD);

		Response refused = browser.putJson(PASSWORD, change("not-my-password", "Lantern#2718-wavelet"));

		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		assertThat(refused.json().get("errors").get(0).get("message").asString())
			.isEqualTo("The current password is not correct");
	}

	@Test
	void aRecentPasswordCannotBeReused() {
		Student student = people.undergraduate(3);
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);
		assertThat(browser.putJson(PASSWORD, change(IntegrationTest.DEMO_PASSWORD, "Lantern#2718-wavelet")).status())
			.isEqualTo(204);
		assertThat(browser.putJson(PASSWORD, change("Lantern#2718-wavelet", "Orchard*5521-Quiver")).status())
			.isEqualTo(204);

		Response back = browser.putJson(PASSWORD, change("Orchard*5521-Quiver", IntegrationTest.DEMO_PASSWORD + "-Maple"));
		assertThat(back.status()).isEqualTo(204);
		Response reused = browser.putJson(PASSWORD, change(IntegrationTest.DEMO_PASSWORD + "-Maple", "Lantern#2718-wavelet"));

		assertProblem(reused, 422, "request.validation");
		assertThat(reused.json().get("errors").findValuesAsString("message")).contains("不能与最近 5 次使用过的密码相同");
	}

	@Test
	void anInitialPasswordMustBeChangedBeforeAnythingElse() {
		Student student = people.undergraduate(4);
		people.grant(student.username(), "SECURITY_OFFICER");
		people.mustChangePassword(student.username());
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);

		assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(browser.get(PASSWORD).json().get("mustChange").asBoolean()).isTrue();
		assertProblem(browser.get("/api/v1/audit/events"), 403, "auth.password-change-required");

		assertThat(browser.putJson(PASSWORD, change(IntegrationTest.DEMO_PASSWORD, "Lantern#2718-wavelet")).status())
			.isEqualTo(204);
		assertThat(browser.get("/api/v1/audit/events").status()).isEqualTo(200);
		assertThat(browser.get(PASSWORD).json().get("mustChange").asBoolean()).isFalse();
	}

	@Test
	void theStrengthMeterGetsAScoreAndTheRulesACandidateBreaks() {
		Student student = people.undergraduate(5);
		ApiClient browser = new ApiClient(port).signIn(student.username(), IntegrationTest.DEMO_PASSWORD);

		Response weak = browser.postJson(PASSWORD + "/check", "{\"password\":\"Abc@123\"}");
		Response personal = browser.postJson(PASSWORD + "/check", "{\"password\":\"" + student.studentNumber() + "@\"}");
		Response strong = browser.postJson(PASSWORD + "/check", "{\"password\":\"Lantern#2718-wavelet\"}");

		assertThat(weak.json().get("acceptable").asBoolean()).isFalse();
		assertThat(weak.json().get("problems").valueStream().map(p -> p.asString())).contains("pattern", "too-short");
		assertThat(weak.json().get("score").asInt()).isLessThan(3);
		assertThat(personal.json().get("problems").valueStream().map(p -> p.asString())).contains("personal");
		assertThat(strong.json().get("acceptable").asBoolean()).isTrue();
		assertThat(strong.json().get("score").asInt()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void nobodyChecksOrChangesAPasswordWithoutSigningIn() {
		assertProblem(new ApiClient(port).postJson(PASSWORD + "/check", "{\"password\":\"x\"}"), 401, "auth.required");
	}

	static String change(String current, String next) {
		return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
	}
}
