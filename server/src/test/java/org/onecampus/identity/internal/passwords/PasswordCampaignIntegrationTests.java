package org.onecampus.identity.internal.passwords;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** Weak-password campaigns from creation through reminders to the deadline, over the real API. */
@IntegrationTest
class PasswordCampaignIntegrationTests {

	static final String CAMPAIGNS = "/api/v1/identity/password-campaigns";

	static final String STRONG = "Lantern#2718-wavelet";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CampaignDeadlines deadlines;

	@Autowired
	PasswordEncoder encoder;

	CampaignFixtures fixtures;

	DemoPeople people;

	ApiClient admin;

	@BeforeEach
	void signIn() {
		fixtures = new CampaignFixtures(jdbc, encoder);
		people = new DemoPeople(jdbc);
		admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
	}

	static String form(String title, boolean allWeak, List<UUID> units, Instant deadline, List<Integer> days) {
		return """
				{"title":"%s","titleEn":"%s (en)","notice":"请尽快修改密码。","allWeak":%s,"orgUnitIds":[%s],
				 "deadline":"%s","reminderDays":%s}""".formatted(title, title, allWeak,
				String.join(",", units.stream().map(u -> "\"" + u + "\"").toList()), deadline, days);
	}

	@Test
	void aCampaignNotifiesRemindsCountsFixesAndForcesTheRestAtTheDeadline() throws IOException {
		List<String> students = List.of(people.undergraduate(60).username(), people.undergraduate(61).username(),
				people.undergraduate(62).username());
		UUID unit = fixtures.weakClass("CS", students);
		String title = "弱密码专项治理-" + unit.toString().substring(0, 6);

		Response created = admin.postJson(CAMPAIGNS, form(title, false, List.of(unit),
				Instant.now().plus(7, ChronoUnit.DAYS), List.of(3, 1)));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("campaign").get("id").asString();
		assertThat(created.header("Location")).endsWith(CAMPAIGNS + "/" + id);
		assertThat(created.json().get("campaign").get("status").asString()).isEqualTo("DRAFT");

		Response launched = admin.postJson(CAMPAIGNS + "/" + id + "/launch", "");
		assertThat(launched.status()).isEqualTo(200);
		var progress = launched.json().get("campaign").get("progress");
		assertThat(progress.get("targeted").asInt()).isEqualTo(3);
		assertThat(progress.get("notified").asInt()).isEqualTo(3);
		assertThat(progress.get("stillWeak").asInt()).isEqualTo(3);
		assertThat(launched.json().get("departments").valueStream().mapToInt(d -> d.get("progress").get("targeted").asInt())
			.sum()).isEqualTo(3);
		Response again = admin.postJson(CAMPAIGNS + "/" + id + "/launch", "");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("campaign").get("progress").get("notified").asInt()).isEqualTo(3);
		for (String student : students) {
			eventually(Duration.ofSeconds(20), student + " gets the campaign notice",
					() -> fixtures.messages(student, title) == 1);
		}

		ApiClient fixer = new ApiClient(port).signIn(students.get(0), CampaignFixtures.WEAK_PASSWORD);
		assertThat(fixer.putJson(PasswordChangeIntegrationTests.PASSWORD,
				PasswordChangeIntegrationTests.change(CampaignFixtures.WEAK_PASSWORD, STRONG)).status()).isEqualTo(204);
		new ApiClient(port).signIn(students.get(0), STRONG);
		var fixedProgress = admin.get(CAMPAIGNS + "/" + id).json().get("campaign").get("progress");
		assertThat(fixedProgress.get("fixed").asInt()).isEqualTo(1);
		assertThat(fixedProgress.get("stillWeak").asInt()).isEqualTo(2);

		fixtures.deadline(id, Instant.now().plus(2, ChronoUnit.DAYS));
		deadlines.run();
		deadlines.run();
		for (String student : students.subList(1, 3)) {
			eventually(Duration.ofSeconds(20), student + " gets one reminder", () -> fixtures.messages(student, title) == 2);
		}

		fixtures.deadline(id, Instant.now().minus(1, ChronoUnit.MINUTES));
		deadlines.run();
		var closed = admin.get(CAMPAIGNS + "/" + id).json().get("campaign");
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("progress").get("forced").asInt()).isEqualTo(2);
		assertThat(fixtures.mustChange(students.get(0))).isFalse();
		eventually(Duration.ofSeconds(20), "the forced notice arrives", () -> fixtures.messages(students.get(2), title) == 3);
		assertThat(fixtures.messages(students.get(0), title)).isEqualTo(1);

		ApiClient late = new ApiClient(port).signIn(students.get(1), CampaignFixtures.WEAK_PASSWORD);
		assertThat(late.get(PasswordChangeIntegrationTests.PASSWORD).json().get("mustChange").asBoolean()).isTrue();
		assertProblem(late.get("/api/v1/messaging/inbox"), 403, "auth.password-change-required");
		assertThat(new ApiClient(port).signIn(students.get(0), STRONG).get("/api/v1/messaging/inbox").status()).isEqualTo(200);

		Response csv = admin.get(CAMPAIGNS + "/" + id + "/targets.csv", "text/csv");
		assertThat(csv.status()).isEqualTo(200);
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("\uFEFFdepartment_code,department,username,name,status");
		assertThat(lines).hasSize(4);
		assertThat(lines.stream().filter(l -> l.contains("," + students.get(0) + ",")).findFirst().orElseThrow())
			.contains(",FIXED,");
		assertThat(lines.stream().filter(l -> l.contains("," + students.get(1) + ",")).findFirst().orElseThrow())
			.contains(",STILL_WEAK,");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(admin.download(CAMPAIGNS + "/" + id + "/targets.xlsx")))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("username");
			assertThat(List.of(sheet.getRow(1).getCell(2).getStringCellValue(), sheet.getRow(2).getCell(2).getStringCellValue(),
					sheet.getRow(3).getCell(2).getStringCellValue())).containsExactlyInAnyOrderElementsOf(students);
		}

		String target = "password-campaign:" + id;
		assertThat(fixtures.audited("identity.password-campaign-created", target)).isEqualTo(1);
		assertThat(fixtures.audited("identity.password-campaign-launched", target)).isEqualTo(1);
		assertThat(fixtures.audited("identity.password-campaign-reminded", target)).isEqualTo(1);
		assertThat(fixtures.audited("identity.password-campaign-closed", target)).isEqualTo(1);
		assertThat(fixtures.audited("identity.password-campaign-exported", target)).isEqualTo(2);
		assertThat(csv.body().getBytes(StandardCharsets.UTF_8).length).isPositive();
	}

	@Test
	void badInputIsAProblemAndACancelledCampaignCannotBeLaunched() {
		UUID unit = fixtures.weakClass("CS", List.of(people.undergraduate(63).username()));
		Instant later = Instant.now().plus(3, ChronoUnit.DAYS);

		assertProblem(admin.postJson(CAMPAIGNS, form("过去", false, List.of(unit), Instant.now().minus(1, ChronoUnit.DAYS),
				List.of())), 422, "request.validation");
		Response empty = admin.postJson(CAMPAIGNS, form("空范围", false, List.of(), later, List.of()));
		assertProblem(empty, 422, "request.validation");
		assertThat(empty.json().get("errors").findValuesAsString("field")).contains("orgUnitIds");
		assertProblem(admin.postJson(CAMPAIGNS, form("", false, List.of(unit), later, List.of(0))), 422,
				"request.validation");
		assertProblem(admin.postJson(CAMPAIGNS, form("未知", false, List.of(UUID.randomUUID()), later, List.of())), 404,
				"resource.not-found");

		String id = admin.postJson(CAMPAIGNS, form("取消", false, List.of(unit), later, List.of()))
			.json().get("campaign").get("id").asString();
		Response cancelled = admin.postJson(CAMPAIGNS + "/" + id + "/cancellation", "");
		assertThat(cancelled.json().get("campaign").get("status").asString()).isEqualTo("CANCELLED");
		assertProblem(admin.postJson(CAMPAIGNS + "/" + id + "/launch", ""), 409, "identity.campaign.not-draft");
		assertProblem(admin.postJson(CAMPAIGNS + "/" + id + "/cancellation", ""), 409, "identity.campaign.not-active");
		assertThat(fixtures.audited("identity.password-campaign-cancelled", "password-campaign:" + id)).isEqualTo(1);

		UUID clean = fixtures.weakClass("CS", List.of());
		String nobody = admin.postJson(CAMPAIGNS, form("无人", false, List.of(clean), later, List.of()))
			.json().get("campaign").get("id").asString();
		assertProblem(admin.postJson(CAMPAIGNS + "/" + nobody + "/launch", ""), 409, "identity.campaign.no-targets");
		assertThat(admin.get(CAMPAIGNS + "/" + nobody).json().get("campaign").get("status").asString()).isEqualTo("DRAFT");

		ApiClient student = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		assertProblem(student.get(CAMPAIGNS), 403, "auth.forbidden");
		assertProblem(student.postJson(CAMPAIGNS, form("x", true, List.of(), later, List.of())), 403, "auth.forbidden");
	}

	@Test
	void aDepartmentScopedOfficerWorksOnlyInsideTheirSubtree() {
		String officer = people.undergraduate(64).username();
		String member = people.undergraduate(65).username();
		UUID unit = fixtures.weakClass("CS", List.of(member));
		fixtures.ready(officer);
		fixtures.grantScoped(officer, "SECURITY_OFFICER", unit);
		ApiClient scoped = new ApiClient(port).signIn(officer, IntegrationTest.DEMO_PASSWORD);
		Instant later = Instant.now().plus(5, ChronoUnit.DAYS);

		String wide = admin.postJson(CAMPAIGNS, form("全校", true, List.of(), later, List.of()))
			.json().get("campaign").get("id").asString();
		assertProblem(scoped.postJson(CAMPAIGNS, form("越界", false, List.of(fixtures.orgUnit("CS")), later, List.of())),
				404, "resource.not-found");
		assertProblem(scoped.get(CAMPAIGNS + "/" + wide), 404, "resource.not-found");
		assertProblem(scoped.postJson(CAMPAIGNS + "/" + wide + "/cancellation", ""), 404, "resource.not-found");

		Response own = scoped.postJson(CAMPAIGNS, form("本班", true, List.of(), later, List.of()));
		assertThat(own.status()).isEqualTo(201);
		String id = own.json().get("campaign").get("id").asString();
		assertThat(scoped.get(CAMPAIGNS).json().valueStream().map(c -> c.get("id").asString())).contains(id)
			.doesNotContain(wide);
		Response launch = scoped.postJson(CAMPAIGNS + "/" + id + "/launch", "");
		assertThat(launch.status()).as(launch.body()).isEqualTo(200);
		var launched = launch.json().get("campaign");
		assertThat(launched.get("progress").get("targeted").asInt()).isEqualTo(1);
		assertThat(admin.get(CAMPAIGNS).json().valueStream().map(c -> c.get("id").asString())).contains(id, wide);
		admin.postJson(CAMPAIGNS + "/" + wide + "/cancellation", "");
	}
}
