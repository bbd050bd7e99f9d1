package org.onecampus.hall.internal.booking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Rooms administration of 教室借用: deny by default, list with filters, create and edit field by field (422) and
 * optimistically (409), audited before and after; a room out of service or switched off cannot be booked any more;
 * a room's bookings show who booked it through which application, and the room administrator may open it.
 */
@IntegrationTest
class RoomAdministrationIntegrationTests {

	static final String BASE = "/api/v1/hall/admin/rooms";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static String at(int daysAhead, int hour) {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead).withHour(hour)
			.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String code() {
		return "TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	static String room(String code, int capacity, String extra) {
		return """
				{"code": "%s", "campus": "EAST", "building": {"zh-CN": "测试楼", "en-US": "Test Building"},
				 "name": {"zh-CN": "测试楼%s", "en-US": "Test Building %s"}, "floor": 2, "capacity": %d, "kind": "SEMINAR",
				 "equipment": ["projector", "whiteboard"], "bookable": true%s}""".formatted(code, code, code, capacity, extra);
	}

	Response apply(ApiClient client, String room, String from, String to) {
		String body = """
				{"serviceCode": "classroom-booking", "formData": {"phone": "13800138000", "campus": "EAST", "room": "%s",
				 "from": "%s", "to": "%s", "attendees": 10, "activity": "meeting", "purpose": "班级研讨"}}"""
			.formatted(room, from, to);
		return client.postJson("/api/v1/hall/applications", body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
	}

	@Test
	void onlyRoomAdministratorsManageRooms() {
		assertThat(as("stu001").get(BASE).status()).isEqualTo(403);
		assertThat(as("it001").get(BASE + "/MAIN-A101").status()).isEqualTo(403);
		assertThat(as("fac001").postJson(BASE, room(code(), 20, "")).status()).isEqualTo(403);
		assertThat(as("head001").putJson(BASE + "/MAIN-A101", room("MAIN-A101", 20, ", \"revision\": 0")).status())
			.isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from identity_role_permission where role_code = 'ROOM_ADMIN' and permission = 'hall:room:manage'")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theListFiltersByCampusBuildingCapacityKindEquipmentAndStatus() {
		ApiClient admin = as("admin");
		Response all = admin.get(BASE + "?size=100");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().get("total").asLong()).isGreaterThanOrEqualTo(60);
		JsonNode a101 = admin.get(BASE + "/MAIN-A101").json();
		assertThat(a101.get("floor").asInt()).isEqualTo(1);
		assertThat(a101.get("status").asString()).isEqualTo("BOOKABLE");

		JsonNode east = admin.get(BASE + "?campus=EAST&minCapacity=100&kind=LECTURE_HALL&equipment=recording&size=100").json();
		assertThat(east.get("items").size()).isPositive();
		east.get("items").forEach(r -> {
			assertThat(r.get("campus").asString()).isEqualTo("EAST");
			assertThat(r.get("capacity").asInt()).isGreaterThanOrEqualTo(100);
			assertThat(r.get("kind").asString()).isEqualTo("LECTURE_HALL");
			assertThat(r.get("equipment").toString()).contains("recording");
		});
		JsonNode options = admin.get(BASE + "/options").json();
		assertThat(options.get("campuses").toString()).contains("MAIN", "EAST");
		String building = options.get("buildings").get(0).get("name").get("zh-CN").asString();
		JsonNode inBuilding = admin.get(BASE + "?building=" + encode(building) + "&size=100").json();
		assertThat(inBuilding.get("total").asLong()).isPositive();
		inBuilding.get("items").forEach(r -> assertThat(r.get("building").get("zh-CN").asString()).isEqualTo(building));
		JsonNode searched = admin.get(BASE + "?q=a101").json();
		assertThat(searched.get("items").findValuesAsString("code")).contains("MAIN-A101");

		assertProblem(admin.get(BASE + "?kind=GYM"), 422, "request.validation");
		assertProblem(admin.get(BASE + "?status=BROKEN"), 422, "request.validation");
		assertProblem(admin.get(BASE + "?equipment=piano"), 422, "request.validation");
		assertProblem(admin.get(BASE + "?minCapacity=0"), 422, "request.validation");
	}

	@Test
	void createEditWithFieldErrorsAStaleRevisionAndTheAuditLog() {
		ApiClient admin = as("admin");
		String code = code();
		Response invalid = admin.postJson(BASE, """
				{"code": "bad code", "campus": "east", "building": {"zh-CN": ""}, "name": {"zh-CN": "x"}, "capacity": 0,
				 "kind": "GYM", "equipment": ["piano"], "outOfService": {"reason": "", "from": null}}""");
		assertProblem(invalid, 422, "request.validation");
		assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("code", "campus", "building.zh-CN",
				"building.en-US", "name.en-US", "capacity", "kind", "equipment", "outOfService.reason", "outOfService.from");

		Response created = admin.postJson(BASE, room(code, 24, ""));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("revision").asInt()).isZero();
		assertThat(created.json().get("status").asString()).isEqualTo("BOOKABLE");
		assertProblem(admin.postJson(BASE, room(code, 24, "")), 422, "request.validation");

		Response edited = admin.putJson(BASE + "/" + code, room(code, 30, ", \"revision\": 0").replace("\"floor\": 2", "\"floor\": 3"));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("capacity").asInt()).isEqualTo(30);
		assertThat(edited.json().get("floor").asInt()).isEqualTo(3);
		assertThat(edited.json().get("revision").asInt()).isEqualTo(1);
		assertProblem(admin.putJson(BASE + "/" + code, room(code, 40, ", \"revision\": 0")), 409, "hall.room.stale");
		assertProblem(admin.putJson(BASE + "/" + code, room(code, -1, ", \"revision\": 1")), 422, "request.validation");
		assertProblem(admin.putJson(BASE + "/NO-SUCH-ROOM", room("NO-SUCH-ROOM", 40, ", \"revision\": 0")), 404,
				"resource.not-found");
		assertThat(admin.get(BASE + "/" + code).json().get("capacity").asInt()).isEqualTo(30);

		String details = jdbc.sql("""
				select details from kernel_audit_event where action = 'hall.room.updated' and target = :t
				order by id desc limit 1""").param("t", "hall-room:" + code).query(String.class).single();
		assertThat(details).contains("\"before\"", "\"after\"", "24", "30");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.room.created' and target = :t")
			.param("t", "hall-room:" + code).query(Long.class).single()).isEqualTo(1);
	}

	/** A demo room's edit body: its current values with the changes (keys of the input only). */
	String edit(JsonNode current, Map<String, Object> changes) {
		return edit(json, current, changes);
	}

	static String edit(JsonMapper json, JsonNode current, Map<String, Object> changes) {
		Map<String, Object> values = new LinkedHashMap<>(json.readValue(current.toString(),
				new TypeReference<LinkedHashMap<String, Object>>() {
				}));
		values.keySet().retainAll(List.of("campus", "building", "name", "floor", "capacity", "kind", "equipment",
				"bookable", "outOfService", "sortOrder", "revision"));
		values.putAll(changes);
		return json.writeValueAsString(values);
	}

	/**
	 * A demo room (the booking form offers the demo rooms), far in the future where no other test books, and put back
	 * as it was at the end.
	 */
	@Test
	void aRoomOutOfServiceOrSwitchedOffCannotBeBookedAndItsBookingsShowWhoAndThroughWhat() {
		ApiClient admin = as("admin");
		String code = "EAST-E403";
		JsonNode original = admin.get(BASE + "/" + code).json();
		try {
			ApiClient stu = as("stu001");
			Response booked = apply(stu, code, at(300, 9), at(300, 11));
			assertThat(booked.status()).as(booked.body()).isEqualTo(201);
			String applicationId = booked.json().get("id").asString();

			// out of service on days 310 and 311: refused there with the reason, still bookable on day 315
			Map<String, Object> off = new LinkedHashMap<>();
			off.put("reason", "空调维修");
			off.put("from", at(310, 0));
			off.put("to", at(312, 0));
			Response outOfService = admin.putJson(BASE + "/" + code, edit(original, Map.of("outOfService", off)));
			assertThat(outOfService.status()).as(outOfService.body()).isEqualTo(200);
			assertThat(outOfService.json().get("outOfService").get("reason").asString()).isEqualTo("空调维修");
			Response refused = apply(stu, code, at(311, 9), at(311, 11));
			assertProblem(refused, 422, "request.validation");
			assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("room");
			assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("空调维修", "停用");
			assertThat(apply(stu, code, at(315, 9), at(315, 11)).status()).isEqualTo(201);
			Response rooms = stu.get("/api/v1/hall/rooms?campus=EAST&from=" + encode(at(311, 8)) + "&to=" + encode(at(311, 12)));
			assertThat(rooms.json().findParents("code").stream().filter(r -> code.equals(r.get("code").asString())))
				.hasSize(1);
			rooms.json().forEach(r -> {
				if (code.equals(r.get("room").get("code").asString())) {
					assertThat(r.get("available").asBoolean()).isFalse();
				}
			});

			// switched off: refused at any time
			Response switchedOff = admin.putJson(BASE + "/" + code, edit(outOfService.json(), Map.of("bookable", false)));
			assertThat(switchedOff.status()).as(switchedOff.body()).isEqualTo(200);
			assertThat(switchedOff.json().get("status").asString()).isEqualTo("NOT_BOOKABLE");
			Response notBookable = apply(stu, code, at(320, 9), at(320, 11));
			assertProblem(notBookable, 422, "request.validation");
			assertThat(notBookable.json().get("errors").get(0).get("message").asString()).contains("暂不开放借用");
			assertThat(admin.get(BASE + "?status=NOT_BOOKABLE&q=" + code).json().get("items").findValuesAsString("code"))
				.containsExactly(code);

			Response bookings = admin.get(BASE + "/" + code + "/bookings?from=" + encode(at(299, 0)) + "&to="
					+ encode(at(330, 0)));
			assertThat(bookings.status()).as(bookings.body()).isEqualTo(200);
			assertThat(bookings.json().size()).isEqualTo(2);
			JsonNode first = bookings.json().get(0);
			assertThat(first.get("applicationId").asString()).isEqualTo(applicationId);
			assertThat(first.get("applicantName").asString()).isEqualTo("李明轩");
			assertThat(first.get("status").asString()).isEqualTo("RESERVED");
			assertThat(first.get("applicationStatus").asString()).isEqualTo("RUNNING");
			assertProblem(admin.get(BASE + "/" + code + "/bookings?from=" + encode(at(330, 0)) + "&to="
					+ encode(at(299, 0))), 422, "request.validation");
			// the administrator opens the application the booking came from; others still may not
			assertThat(admin.get("/api/v1/hall/applications/" + applicationId).status()).isEqualTo(200);
			assertThat(as("fac001").get("/api/v1/hall/applications/" + applicationId).status()).isEqualTo(404);
		}
		finally {
			jdbc.sql("""
					update hall_room set active = true, out_of_service_reason = null, out_of_service_from = null,
					  out_of_service_to = null where code = :c""").param("c", code).update();
			jdbc.sql("""
					update hall_room_booking set status = 'RELEASED' where room_id = (select id from hall_room where code = :c)
					  and lower(during) > now() + interval '200 days'""").param("c", code).update();
		}
	}
}
