package org.onecampus.hall.internal.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.catalogue.CatalogueQueries.View;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.identity.StudyPeriods;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DepartmentAdministrators;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * The catalogue over HTTP with the demo catalogue: audience filtering, public guides, search, favourites,
 * suggestions by the academic calendar on fixed days, department-scoped administration and the apps a person may
 * open.
 */
@IntegrationTest
class CatalogueIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogueQueries queries;

	@Autowired
	PersonDirectory directory;

	@Autowired
	PersonProfiles profiles;

	@Autowired
	StudyPeriods studyPeriods;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, DEMO_PASSWORD);
	}

	static List<String> codes(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> codes = new ArrayList<>();
		response.json().get("items").forEach(card -> codes.add(card.get("code").asString()));
		return codes;
	}

	@Test
	void eachPersonSeesOnlyWhatTheyMayUse() {
		List<String> student = codes(as("stu001").get("/api/v1/hall/services?size=100"));
		List<String> faculty = codes(as("fac001").get("/api/v1/hall/services?size=100"));
		List<String> visitor = codes(as("visitor001").get("/api/v1/hall/services?size=100"));
		assertThat(student).contains("student-leave", "study-certificate", "campus-card", "tuition-payment")
			.doesNotContain("salary-slip", "employment-certificate", "lab-safety-training");
		assertThat(faculty).contains("salary-slip", "employment-certificate", "lab-safety-training", "campus-card")
			.doesNotContain("student-leave", "study-certificate", "tuition-payment");
		assertThat(visitor).contains("campus-card", "visitor-guide")
			.doesNotContain("student-leave", "salary-slip", "study-certificate", "vpn-access");
		assertThat(student.size() + faculty.size()).isGreaterThan(30);
		assertProblem(as("stu001").get("/api/v1/hall/services/salary-slip"), 404, "resource.not-found");
		assertProblem(as("visitor001").get("/api/v1/hall/services/student-leave"), 404, "resource.not-found");
		assertProblem(as("stu001").get("/api/v1/hall/services/no-such-service"), 404, "resource.not-found");
		JsonNode categories = as("fac001").get("/api/v1/hall/categories").json();
		assertThat(categories.size()).isEqualTo(10);
		int total = 0;
		for (JsonNode category : categories) {
			total += category.get("count").asInt();
		}
		assertThat(total).isEqualTo(faculty.size());
	}

	@Test
	void anItemComesWithItsFormPrefillOrLaunchUrl() {
		JsonNode leave = as("stu001").get("/api/v1/hall/services/student-leave").json();
		assertThat(leave.get("name").get("zh-CN").asString()).isEqualTo("学生请假");
		assertThat(leave.get("ownerOrgUnit").get("name").asString()).isEqualTo("学工处");
		assertThat(leave.get("form").get("key").asString()).isEqualTo("leave-request");
		assertThat(leave.get("form").get("schema").get("properties").isObject()).isTrue();
		assertThat(leave.get("prefill").isObject()).isTrue();
		JsonNode vpn = as("stu001").get("/api/v1/hall/services/vpn-access").json();
		assertThat(vpn.get("linkUrl").asString()).isEqualTo("/cas/login?service=http%3A%2F%2Flocalhost%3A9999%2Fvpn");
		assertThat(vpn.has("form")).isFalse();
		JsonNode guide = as("stu001").get("/api/v1/hall/services/study-certificate").json();
		assertThat(guide.get("guide").get("place").get("zh-CN").asString()).contains("行政楼");
		assertThat(guide.get("materials").size()).isEqualTo(1);
		assertThat(guide.get("audience").get("affiliationTypes").toString()).contains("UNDERGRADUATE");
	}

	@Test
	void publicGuidesNeedNoSignIn() {
		ApiClient anonymous = new ApiClient(port);
		List<String> codes = codes(anonymous.get("/api/v1/hall/public/services?size=100"));
		assertThat(codes).contains("campus-card", "study-certificate", "visitor-guide")
			.doesNotContain("salary-slip", "student-leave");
		assertThat(codes(anonymous.get("/api/v1/hall/public/services?q=zxzm"))).containsExactly("study-certificate");
		JsonNode card = anonymous.get("/api/v1/hall/public/services/campus-card").json();
		assertThat(card.get("guide").get("hours").get("zh-CN").asString()).isNotBlank();
		assertThat(card.has("prefill")).isFalse();
		assertProblem(anonymous.get("/api/v1/hall/public/services/salary-slip"), 404, "resource.not-found");
		assertThat(anonymous.get("/api/v1/hall/public/categories").status()).isEqualTo(200);
		assertThat(anonymous.get("/api/v1/hall/services").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/v1/hall/services/campus-card").status()).isEqualTo(401);
	}

	@Test
	void searchFindsPinyinInitialsAndTyposRankedByRelevance() {
		ApiClient student = as("stu001");
		assertThat(codes(student.get("/api/v1/hall/services?q=zxzm")).get(0)).isEqualTo("study-certificate");
		assertThat(codes(student.get("/api/v1/hall/services?q=zaixuezhengming")).get(0)).isEqualTo("study-certificate");
		assertThat(codes(student.get("/api/v1/hall/services?q=在读")).get(0)).isEqualTo("study-certificate");
		assertThat(codes(student.get("/api/v1/hall/services?q=zaiduzhenming")).get(0)).isEqualTo("study-certificate");
		assertThat(codes(student.get("/api/v1/hall/services?q=cxbm")).get(0)).isEqualTo("course-retake");
		assertThat(codes(student.get("/api/v1/hall/services?q=vpn")).get(0)).isEqualTo("vpn-access");
		assertThat(codes(student.get("/api/v1/hall/services?q=一卡通"))).containsExactly("campus-card");
		// what the person may not use is never found
		assertThat(codes(student.get("/api/v1/hall/services?q=gztcx"))).doesNotContain("salary-slip");
		assertThat(codes(as("fac001").get("/api/v1/hall/services?q=gzt"))).contains("salary-slip");
		assertProblem(student.get("/api/v1/hall/services?view=sideways"), 422, "request.validation");
	}

	@Test
	void favouritesAreAddedAndRemoved() {
		ApiClient person = as("cou001");
		assertThat(person.send("PUT", "/api/v1/hall/services/email-account/favourite", null,
				java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertThat(codes(person.get("/api/v1/hall/services?view=favourites"))).containsExactly("email-account");
		assertThat(person.get("/api/v1/hall/services/email-account").json().get("favourite").asBoolean()).isTrue();
		assertThat(person.get("/api/v1/hall/home").json().get("favourites").get("items").get(0).get("code").asString())
			.isEqualTo("email-account");
		assertThat(person.send("DELETE", "/api/v1/hall/services/email-account/favourite", null,
				java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertThat(codes(person.get("/api/v1/hall/services?view=favourites"))).isEmpty();
		assertProblem(person.send("PUT", "/api/v1/hall/services/study-certificate/favourite", null,
				java.net.http.HttpRequest.BodyPublishers.noBody()), 404, "resource.not-found");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where actor = 'cou001' and action like 'hall.favourite.%'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void recentAndHotComeFromUsage() {
		List<String> recent = codes(as("head001").get("/api/v1/hall/services?view=recent"));
		assertThat(recent).contains("official-letter", "travel-reimbursement");
		List<String> hot = codes(as("fac001").get("/api/v1/hall/services?view=hot"));
		assertThat(hot).contains("travel-reimbursement", "vpn-access");
	}

	@Test
	void homeShowsTheFirstCardsOfEachPersonalListReadOnce() {
		for (String username : List.of("head001", "fac001", "stu001")) {
			ApiClient person = as(username);
			Response answer = person.get("/api/v1/hall/home");
			assertThat(answer.status()).as(answer.body()).isEqualTo(200);
			for (String view : List.of("favourites", "suggested", "recent", "hot")) {
				List<String> cards = new ArrayList<>();
				answer.json().get(view).get("items").forEach(card -> cards.add(card.get("code").asString()));
				assertThat(cards).as(username + " " + view)
					.isEqualTo(codes(person.get("/api/v1/hall/services?size=8&view=" + view)));
			}
		}
		// the demo usage makes the lists non-trivial
		assertThat(codes(as("head001").get("/api/v1/hall/services?size=8&view=recent"))).isNotEmpty();
		assertThat(codes(as("fac001").get("/api/v1/hall/services?size=8&view=hot"))).isNotEmpty();
	}

	@Test
	void suggestionsFollowTheAcademicCalendarOnAFixedDay() {
		UUID grad = directory.personIdByUsername("grad001").orElseThrow();
		int graduationYear = studyPeriods.expectedGraduation(grad).orElseThrow().getYear();
		List<String> june = suggested(grad, LocalDate.of(graduationYear, 6, 10));
		assertThat(june.indexOf("graduation-clearance")).isLessThan(june.indexOf("exchange-program"));
		List<String> earlier = suggested(grad, LocalDate.of(graduationYear - 2, 6, 10));
		assertThat(earlier.indexOf("graduation-clearance")).isGreaterThan(earlier.indexOf("exchange-program"));
		UUID student = directory.personIdByUsername("stu001").orElseThrow();
		assertThat(suggested(student, LocalDate.of(2027, 9, 5))).contains("freshman-registration");
		assertThat(suggested(student, LocalDate.of(2027, 3, 20))).doesNotContain("freshman-registration");
		assertThat(codes(as("stu001").get("/api/v1/hall/services?view=suggested"))).isNotEmpty();
	}

	List<String> suggested(UUID person, LocalDate day) {
		return queries.list(person, null, null, View.SUGGESTED, 0, 100, day).items().stream()
			.map(ServiceViews.ServiceCard::code).toList();
	}

	@Test
	void departmentAdministratorsManageTheirOwnItemsOnly() {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L);
		String username = DepartmentAdministrators.peopleAdmin(jdbc, "ITC", "HS" + suffix);
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select a.id, 'SERVICE_ADMIN', (select id from identity_org_unit where code = 'ITC') from identity_account a
				where a.username = :u""").param("u", username).update();
		ApiClient admin = as(username);
		List<String> mine = new ArrayList<>();
		admin.get("/api/v1/hall/admin/services").json().forEach(item -> mine.add(item.get("code").asString()));
		assertThat(mine).contains("vpn-access", "email-account").doesNotContain("study-certificate", "salary-slip");
		assertProblem(admin.get("/api/v1/hall/admin/services/study-certificate"), 404, "resource.not-found");
		UUID itc = profiles.orgUnitIdByCode("ITC").orElseThrow();
		UUID aa = profiles.orgUnitIdByCode("AA").orElseThrow();
		String code = "printer-" + suffix;
		assertProblem(admin.postJson("/api/v1/hall/admin/services", body(code, aa, "OFFLINE", null, 0)), 422,
				"request.validation");
		Response badLink = admin.postJson("/api/v1/hall/admin/services",
				body(code, itc, "LINK", "\"linkAppCode\": \"demo-cas\", \"linkUrl\": \"https://elsewhere.example.org/\"", 0));
		assertProblem(badLink, 422, "request.validation");
		assertThat(badLink.json().get("errors").toString()).contains("linkUrl");
		Response noProcess = admin.postJson("/api/v1/hall/admin/services", body(code, itc, "ONLINE", null, 0));
		assertThat(noProcess.json().get("errors").toString()).contains("processKey");
		Response created = admin.postJson("/api/v1/hall/admin/services", body(code, itc, "OFFLINE", null, 0));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("DRAFT");
		assertThat(codes(as("stu001").get("/api/v1/hall/services?q=dayinji"))).doesNotContain(code);
		Response updated = admin.putJson("/api/v1/hall/admin/services/" + code, body(code, itc, "OFFLINE", null, 0)
			.replace("打印机报修", "打印机维修"));
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().get("revision").asInt()).isEqualTo(1);
		assertProblem(admin.putJson("/api/v1/hall/admin/services/" + code, body(code, itc, "OFFLINE", null, 0)), 409,
				"hall.service.stale");
		Response published = admin.postJson("/api/v1/hall/admin/services/" + code + "/publication", "{\"revision\": 1}");
		assertThat(published.json().get("status").asString()).as(published.body()).isEqualTo("PUBLISHED");
		assertThat(codes(as("stu001").get("/api/v1/hall/services?q=dyjwx"))).containsExactly(code);
		assertThat(admin.send("DELETE", "/api/v1/hall/admin/services/" + code + "/publication?revision=2", null,
				java.net.http.HttpRequest.BodyPublishers.noBody()).json().get("status").asString()).isEqualTo("OFFLINE");
		assertProblem(as("stu001").get("/api/v1/hall/services/" + code), 404, "resource.not-found");
		assertProblem(as("stu001").get("/api/v1/hall/admin/services"), 403, "auth.forbidden");
		String details = jdbc.sql("""
				select details from kernel_audit_event where actor = :actor and action = 'hall.service.updated'
				and target = :target""").param("actor", username).param("target", "service:" + code).query(String.class).single();
		assertThat(details).contains("\"before\"", "打印机报修", "\"after\"", "打印机维修");
		assertThat(jdbc.sql("""
				select count(*) from kernel_audit_event where actor = :actor and target = :target
				and action in ('hall.service.created', 'hall.service.published', 'hall.service.taken-offline')""")
			.param("actor", username).param("target", "service:" + code).query(Long.class).single()).isEqualTo(3);
	}

	static String body(String code, UUID owner, String handling, String extra, int revision) {
		return """
				{"code": "%s", "name": {"zh-CN": "打印机报修", "en-US": "Printer repair"}, "summary": {},
				 "categoryCode": "it", "ownerOrgUnitId": "%s", "coOrgUnitIds": [], "audience": {}, "publicGuide": false,
				 "handling": "%s", %s "guide": {"place": {"zh-CN": "信息中心"}}, "materials": [], "fees": {"amount": 0},
				 "promisedDays": 2, "faq": [], "keywords": [], "calendarTags": [], "selfPrint": false, "sortOrder": 0,
				 "revision": %d}""".formatted(code, owner, handling, extra == null ? "" : extra + ",", revision);
	}

	@Test
	void theAppsAPersonMayOpenLaunchThroughSingleSignOn() {
		JsonNode apps = as("stu001").get("/api/v1/identity/me/apps").json();
		List<String> codes = new ArrayList<>();
		apps.forEach(app -> codes.add(app.get("code").asString()));
		assertThat(codes).contains("demo-cas", "demo-app").doesNotContain("demo-system");
		for (JsonNode app : apps) {
			if (app.get("code").asString().equals("demo-cas")) {
				assertThat(app.get("launchUrl").asString()).isEqualTo("/cas/login?service=http%3A%2F%2Flocalhost%3A9999%2F");
			}
			if (app.get("code").asString().equals("demo-app")) {
				assertThat(app.get("launchUrl").asString()).isEqualTo("http://localhost:9999/");
			}
		}
	}
}
