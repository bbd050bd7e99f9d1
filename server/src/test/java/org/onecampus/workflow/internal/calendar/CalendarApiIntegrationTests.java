package org.onecampus.workflow.internal.calendar;

import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** The calendar API for administrators, the demo 2026 holidays and term breaks, and working-time previews. */
@IntegrationTest
class CalendarApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	private static boolean hasEntry(JsonNode view, String kind, String start, String name) {
		for (JsonNode entry : view.get("entries")) {
			if (entry.get("kind").asString().equals(kind) && entry.get("start").asString().equals(start)
					&& entry.get("name").asString().equals(name)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void theDemoCalendarsHoldThe2026HolidaysTheirAdjustedDaysAndTheTermBreaks() {
		ApiClient admin = as("admin");
		Response list = admin.get("/api/v1/workflow/calendars");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().get(0).get("code").asString()).isEqualTo("default");
		JsonNode view = admin.get("/api/v1/workflow/calendars/default").json();
		assertThat(hasEntry(view, "HOLIDAY", "2026-10-01", "国庆节")).isTrue();
		assertThat(hasEntry(view, "WORKDAY", "2026-10-10", "国庆节调休上班")).isTrue();
		assertThat(hasEntry(view, "TERM_BREAK", "2026-07-11", "2026年暑假")).isTrue();

		Response national = admin.get("/api/v1/workflow/calendars/default/working-time?from=2026-09-30T07:00:00Z&duration=P1D");
		assertThat(national.json().get("until").asString()).isEqualTo("2026-10-08T07:00:00Z");
		Response summer = admin.get("/api/v1/workflow/calendars/student-affairs/working-time?from=2026-07-10T01:00:00Z&duration=P1D");
		assertThat(summer.json().get("until").asString()).as("the summer break is off for student affairs")
			.isEqualTo("2026-08-31T01:00:00Z");
	}

	@Test
	void administratorsAddAndRemoveDaysAndEveryChangeIsAudited() {
		ApiClient admin = as("admin");
		String code = "cal-" + System.nanoTime() % 1_000_000_000L;
		Response created = admin.postJson("/api/v1/workflow/calendars",
				"{\"code\": \"" + code + "\", \"name\": {\"zh-CN\": \"研究生院日历\"}, \"termBreaksOff\": true}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertProblem(admin.postJson("/api/v1/workflow/calendars",
				"{\"code\": \"" + code + "\", \"name\": {\"zh-CN\": \"重复\"}, \"termBreaksOff\": false}"), 409,
				"workflow.calendar-exists");

		// Monday 2026-12-07 + 1 working day is Tuesday; with a school holiday on Tuesday it is Wednesday
		String preview = "/api/v1/workflow/calendars/" + code + "/working-time?from=2026-12-07T02:00:00Z&duration=P1D";
		assertThat(admin.get(preview).json().get("until").asString()).isEqualTo("2026-12-08T02:00:00Z");
		Response added = admin.postJson("/api/v1/workflow/calendars/" + code + "/entries",
				"{\"kind\": \"HOLIDAY\", \"start\": \"2026-12-08\", \"name\": \"校庆日\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(admin.get(preview).json().get("until").asString()).isEqualTo("2026-12-09T02:00:00Z");

		long id = added.json().get("id").asLong();
		Response removed = admin.send("DELETE", "/api/v1/workflow/calendars/" + code + "/entries/" + id, "application/json",
				BodyPublishers.noBody());
		assertThat(removed.status()).isEqualTo(204);
		assertThat(admin.get(preview).json().get("until").asString()).isEqualTo("2026-12-08T02:00:00Z");
		assertThat(jdbc.sql("""
				select action from kernel_audit_event where actor = 'admin' and target = :t order by id""")
			.param("t", "workflow-calendar:" + code).query(String.class).list())
			.containsExactly("workflow.calendar.create", "workflow.calendar.entry-add", "workflow.calendar.entry-remove");
	}

	@Test
	void badInputIsRefusedWithAProblem() {
		ApiClient admin = as("admin").language("zh-CN");
		assertProblem(admin.postJson("/api/v1/workflow/calendars/default/entries",
				"{\"kind\": \"HOLIDAY\", \"start\": \"2026-12-08\", \"end\": \"2026-12-01\", \"name\": \"倒序\"}"), 422,
				"request.validation");
		assertProblem(admin.postJson("/api/v1/workflow/calendars/default/entries",
				"{\"kind\": \"VACATION\", \"start\": \"2026-12-08\", \"name\": \"未知类型\"}"), 400, "request.malformed");
		assertProblem(admin.get("/api/v1/workflow/calendars/default/working-time?from=2026-12-07T02:00:00Z&duration=P1M"),
				422, "request.validation");
		assertProblem(admin.get("/api/v1/workflow/calendars/nope"), 404, "resource.not-found");
	}

	@Test
	void onlyCalendarAdministratorsSeeOrChangeCalendars() {
		ApiClient student = as("stu001");
		assertThat(student.get("/api/v1/workflow/calendars").status()).isEqualTo(403);
		assertThat(student.postJson("/api/v1/workflow/calendars/default/entries",
				"{\"kind\": \"HOLIDAY\", \"start\": \"2026-12-08\", \"name\": \"逃课日\"}").status()).isEqualTo(403);
	}
}
