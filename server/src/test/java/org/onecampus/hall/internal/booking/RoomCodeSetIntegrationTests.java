package org.onecampus.hall.internal.booking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.hall.internal.booking.RoomAdministrationIntegrationTests.BASE;
import static org.onecampus.hall.internal.booking.RoomAdministrationIntegrationTests.at;
import static org.onecampus.hall.internal.booking.RoomAdministrationIntegrationTests.code;
import static org.onecampus.hall.internal.booking.RoomAdministrationIntegrationTests.room;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * The room field of 教室借用 is bound to the code set {@code hall-rooms}, which the rooms administration keeps in
 * step: a room created on the rooms page is offered at once and can be booked end to end; renamed, its label
 * follows; out of service now or switched off, it is no longer offered and its booking is refused (422 with the
 * reason); a room of the other campus is refused; the code-set administration cannot edit the set by hand. The
 * demo's room administrator is an office staff member of 教务处.
 */
@IntegrationTest
class RoomCodeSetIntegrationTests {

	static final String SET = "/api/v1/workflow/code-sets/hall-rooms";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	/** The demo account with the role ROOM_ADMIN. */
	String roomAdministrator() {
		return jdbc.sql("""
				select a.username from identity_account a join identity_account_role r on r.account_id = a.id
				where r.role_code = 'ROOM_ADMIN' order by a.username""").query(String.class).single();
	}

	Response apply(ApiClient client, String campus, String room, int daysAhead) {
		String body = """
				{"serviceCode": "classroom-booking", "formData": {"phone": "13800138000", "campus": "%s", "room": "%s",
				 "from": "%s", "to": "%s", "attendees": 10, "activity": "meeting", "purpose": "社团例会"}}"""
			.formatted(campus, room, at(daysAhead, 14), at(daysAhead, 16));
		return client.postJson("/api/v1/hall/applications", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	static JsonNode item(JsonNode set, String value) {
		for (JsonNode item : set.get("items")) {
			if (item.get("value").asString().equals(value)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void theDemoRoomAdministratorIsAnOfficeStaffMemberOfAcademicAffairs() {
		String username = roomAdministrator();
		assertThat(username).as("named in the README and the guides").isEqualTo("a100129");
		assertThat(jdbc.sql("""
				select count(*) from identity_position p join identity_org_unit u on u.id = p.org_unit_id
				  join identity_account a on a.person_id = p.person_id
				where a.username = :u and u.code = 'AA' and p.kind = 'OFFICE_STAFF'""").param("u", username)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(as(username).get(BASE + "?size=5").status()).isEqualTo(200);
	}

	@Test
	void theFormOffersTheRoomsOfTheCodeSet() {
		ApiClient stu = as("stu001");
		JsonNode set = stu.get(SET).json();
		assertThat(set.get("owner").asString()).isEqualTo("hall");
		assertThat(item(set, "MAIN-A101").get("label").get("zh-CN").asString()).isEqualTo("第一教学楼A101（主校区，70座）");
		assertThat(item(set, "MAIN-A101").get("label").get("en-US").asString())
			.isEqualTo("Teaching Building 1 A101 (Main Campus, 70 seats)");
		assertThat(set.get("items").size()).isGreaterThanOrEqualTo(64);

		Response service = stu.get("/api/v1/hall/services/classroom-booking");
		assertThat(service.status()).as(service.body()).isEqualTo(200);
		JsonNode roomField = service.json().findParents("key").stream()
			.filter(f -> "room".equals(f.get("key").asString()) && f.has("widget")).findFirst().orElseThrow();
		assertThat(roomField.get("codeSet").asString()).isEqualTo("hall-rooms");
		assertThat(roomField.has("options")).isFalse();

		Response unknown = apply(stu, "MAIN", "NO-SUCH-ROOM", 240);
		assertProblem(unknown, 422, "request.validation");
		assertThat(unknown.json().get("errors").findValuesAsString("field")).containsExactly("room");
		assertProblem(as("intl001").putJson(SET, """
				{"name": {"zh-CN": "教室"}, "items": [{"value": "X1", "label": {"zh-CN": "甲"}, "sort": 1, "enabled": true}]}"""),
				409, "workflow.code-set.owned");
	}

	@Test
	void aRoomCreatedOnTheRoomsPageIsBookableAtOnceAndOutOfServiceItIsNoLongerOffered() {
		ApiClient admin = as(roomAdministrator());
		ApiClient stu = as("stu001");
		String code = code();
		Response created = admin.postJson(BASE, room(code, 12, ""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode offered = item(stu.get(SET).json(), code);
		assertThat(offered).as("offered at once").isNotNull();
		assertThat(offered.get("enabled").asBoolean()).isTrue();
		assertThat(offered.get("label").get("zh-CN").asString()).isEqualTo("测试楼" + code + "（东校区，12座）");

		Response booked = apply(stu, "EAST", code, 250);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		assertThat(jdbc.sql("""
				select b.status from hall_room_booking b join hall_room r on r.id = b.room_id
				where r.code = :c and b.application_id = :a""").param("c", code)
			.param("a", UUID.fromString(booked.json().get("id").asString())).query(String.class).single())
			.isEqualTo("RESERVED");

		Response otherCampus = apply(stu, "MAIN", code, 251);
		assertProblem(otherCampus, 422, "request.validation");
		assertThat(otherCampus.json().get("errors").findValuesAsString("field")).containsExactly("room");
		assertThat(otherCampus.json().get("errors").get(0).get("message").asString()).contains("其他校区");

		// renamed: the label follows
		Response renamed = admin.putJson(BASE + "/" + code, room(code, 16, ", \"revision\": 0")
			.replace("\"zh-CN\": \"测试楼" + code + "\"", "\"zh-CN\": \"研讨室" + code + "\""));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(item(stu.get(SET).json(), code).get("label").get("zh-CN").asString())
			.isEqualTo("研讨室" + code + "（东校区，16座）");

		// out of service from now on: no longer offered, refused with the reason
		Map<String, Object> off = new LinkedHashMap<>();
		off.put("reason", "投影仪维修");
		off.put("from", Instant.now().minus(1, ChronoUnit.HOURS).toString());
		off.put("to", null);
		Response outOfService = admin.putJson(BASE + "/" + code,
				RoomAdministrationIntegrationTests.edit(json, renamed.json(), Map.of("outOfService", off)));
		assertThat(outOfService.status()).as(outOfService.body()).isEqualTo(200);
		assertThat(item(stu.get(SET).json(), code).get("enabled").asBoolean()).isFalse();
		Response refused = apply(stu, "EAST", code, 252);
		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("room");
		assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("投影仪维修");

		// back in service: offered again
		Map<String, Object> inService = new LinkedHashMap<>();
		inService.put("outOfService", null);
		Response back = admin.putJson(BASE + "/" + code,
				RoomAdministrationIntegrationTests.edit(json, outOfService.json(), inService));
		assertThat(back.status()).as(back.body()).isEqualTo(200);
		assertThat(item(stu.get(SET).json(), code).get("enabled").asBoolean()).isTrue();
		assertThat(apply(stu, "EAST", code, 253).status()).isEqualTo(201);
	}
}
