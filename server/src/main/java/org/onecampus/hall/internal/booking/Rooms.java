package org.onecampus.hall.internal.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rooms and their bookings. A booking holds a room for a time range from submit (RESERVED) to the end of the
 * application (CONFIRMED on approval, RELEASED otherwise); the database's exclusion constraint refuses a second
 * live booking that overlaps, so two concurrent submissions for one room and time cannot both win.
 */
@Repository
class Rooms {

	private static final String NO_OVERLAP = "hall_room_booking_no_overlap";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Rooms(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Room> room(String code) {
		return jdbc.sql("select * from hall_room where code = :code").param("code", code).query(this::roomRow).optional();
	}

	/**
	 * Active rooms on the campus (all when null) with at least {@code capacity} seats, each with the live bookings
	 * overlapping {@code [from, to)} (none asked when the range is null).
	 */
	List<Availability> availability(String campus, Instant from, Instant to, Integer capacity) {
		List<Room> rooms = jdbc.sql("""
				select * from hall_room where active and (cast(:campus as varchar) is null or campus = :campus)
				  and capacity >= :capacity order by campus, sort_order, code""")
			.param("campus", campus).param("capacity", capacity == null ? 1 : capacity).query(this::roomRow).list();
		Map<UUID, List<Busy>> busy = new LinkedHashMap<>();
		if (from != null && to != null) {
			jdbc.sql("""
					select room_id, lower(during) as f, upper(during) as t, status from hall_room_booking
					where status <> 'RELEASED' and during && tstzrange(:from, :to, '[)') order by lower(during)""")
				.param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
				.query((rs, n) -> Map.entry(rs.getObject("room_id", UUID.class),
						new Busy(rs.getTimestamp("f").toInstant(), rs.getTimestamp("t").toInstant(), rs.getString("status"))))
				.list().forEach(e -> busy.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		}
		return rooms.stream().map(r -> new Availability(r, busy.getOrDefault(r.id(), List.of()).isEmpty(),
				busy.getOrDefault(r.id(), List.of()))).toList();
	}

	/**
	 * Holds the room for the application (replacing what the application held before, as on a resubmission).
	 * @throws PlatformException 422 on {@code room} when the room is unknown or taken, on {@code to} when the range
	 * is empty
	 */
	void reserve(UUID applicationId, UUID applicantId, String roomCode, OffsetDateTime from, OffsetDateTime to,
			String purpose) {
		Room room = room(roomCode).filter(Room::active)
			.orElseThrow(() -> invalid("room", "hall.room.unknown", roomCode));
		if (!to.isAfter(from)) {
			throw invalid("to", "hall.room.range");
		}
		if (!from.toInstant().isAfter(Instant.now())) {
			throw invalid("from", "hall.room.past");
		}
		jdbc.sql("delete from hall_room_booking where application_id = :a").param("a", applicationId).update();
		Optional<Busy> conflict = jdbc.sql("""
				select lower(during) as f, upper(during) as t, status from hall_room_booking
				where room_id = :room and status <> 'RELEASED' and during && tstzrange(:from, :to, '[)')
				order by lower(during) limit 1""")
			.param("room", room.id()).param("from", Timestamp.from(from.toInstant())).param("to", Timestamp.from(to.toInstant()))
			.query((rs, n) -> new Busy(rs.getTimestamp("f").toInstant(), rs.getTimestamp("t").toInstant(), rs.getString("status")))
			.optional();
		if (conflict.isPresent()) {
			throw invalid("room", "hall.room.taken", roomCode, conflict.get().from().toString(), conflict.get().to().toString());
		}
		try {
			jdbc.sql("""
					insert into hall_room_booking (id, room_id, application_id, applicant_id, during, status, purpose)
					values (:id, :room, :a, :applicant, tstzrange(:from, :to, '[)'), 'RESERVED', :purpose)""")
				.param("id", UUID.randomUUID()).param("room", room.id()).param("a", applicationId)
				.param("applicant", applicantId).param("from", Timestamp.from(from.toInstant()))
				.param("to", Timestamp.from(to.toInstant()))
				.param("purpose", purpose == null ? null : purpose.substring(0, Math.min(200, purpose.length()))).update();
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMessage()).contains(NO_OVERLAP)) {
				// Someone else's submission committed the same room and time in the meantime.
				throw invalid("room", "hall.room.taken-now", roomCode);
			}
			throw ex;
		}
	}

	/** @return whether a reservation of the application became CONFIRMED */
	boolean confirm(UUID applicationId) {
		return jdbc.sql("""
				update hall_room_booking set status = 'CONFIRMED', updated_at = now()
				where application_id = :a and status = 'RESERVED'""").param("a", applicationId).update() > 0;
	}

	/** @return whether a live booking of the application was released */
	boolean release(UUID applicationId) {
		return jdbc.sql("""
				update hall_room_booking set status = 'RELEASED', updated_at = now()
				where application_id = :a and status <> 'RELEASED'""").param("a", applicationId).update() > 0;
	}

	Optional<String> status(UUID applicationId) {
		return jdbc.sql("select status from hall_room_booking where application_id = :a").param("a", applicationId)
			.query(String.class).optional();
	}

	private static PlatformException invalid(String field, String code, Object... args) {
		return PlatformException.invalid(List.of(new FieldProblem(field, code, args)));
	}

	private Room roomRow(ResultSet rs, int n) throws SQLException {
		List<String> equipment = new ArrayList<>();
		json.readTree(rs.getString("equipment")).forEach(e -> equipment.add(e.asString()));
		return new Room(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("campus"),
				texts(rs.getString("building")), texts(rs.getString("name")), rs.getInt("capacity"), rs.getString("kind"),
				equipment, rs.getBoolean("active"));
	}

	private Map<String, String> texts(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		json.readTree(text).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		return values;
	}

	record Room(UUID id, String code, String campus, Map<String, String> building, Map<String, String> name,
			int capacity, String kind, List<String> equipment, boolean active) {
	}

	/** A live booking's time range. */
	record Busy(Instant from, Instant to, String status) {
	}

	record Availability(Room room, boolean available, List<Busy> busy) {
	}
}
