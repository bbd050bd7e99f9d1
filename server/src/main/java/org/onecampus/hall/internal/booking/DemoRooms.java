package org.onecampus.hall.internal.booking;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onecampus.kernel.OneCampusProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the 64 classrooms, lecture halls, seminar rooms and labs of the demo university's two campuses
 * ({@code hall/rooms/demo-rooms.json}), added once before the templates are installed.
 */
@Component
@Order(35)
class DemoRooms implements ApplicationRunner {

	private static final Pattern ROOM_NUMBER = Pattern.compile("-[A-Z]*([0-9])[0-9]{2}$");

	private final OneCampusProperties properties;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DemoRooms(OneCampusProperties properties, JdbcClient jdbc, JsonMapper json) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		JsonNode rooms;
		try (InputStream in = new ClassPathResource("hall/rooms/demo-rooms.json").getInputStream()) {
			rooms = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (JsonNode room : rooms) {
			jdbc.sql("""
					insert into hall_room (id, code, campus, building, name, floor, capacity, kind, equipment, sort_order)
					values (:id, :code, :campus, cast(:building as jsonb), cast(:name as jsonb), :floor, :capacity, :kind,
					  cast(:equipment as jsonb), :sort)
					on conflict (code) do nothing""")
				.param("id", UUID.nameUUIDFromBytes(("hall-room:" + room.path("code").asString()).getBytes()))
				.param("code", room.path("code").asString()).param("campus", room.path("campus").asString())
				.param("building", json.writeValueAsString(room.get("building")))
				.param("name", json.writeValueAsString(room.get("name"))).param("capacity", room.path("capacity").asInt())
				.param("kind", room.path("kind").asString()).param("equipment", json.writeValueAsString(room.get("equipment")))
				.param("floor", floor(room.path("code").asString()))
				.param("sort", room.path("sortOrder").asInt()).update();
		}
	}

	/** The floor from the room number (MAIN-A101 is on floor 1, EAST-E401 on floor 4). */
	static Integer floor(String code) {
		Matcher matcher = ROOM_NUMBER.matcher(code);
		return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
	}
}
