package org.onecampus.hall.internal.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import com.fasterxml.jackson.annotation.JsonProperty;
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

	/** Times in messages: the campus's local time. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Rooms(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Room> room(String code) {
		return jdbc.sql("select * from hall_room where code = :code").param("code", code).query(this::roomRow).optional();
	}

	/** The room, locked for an update until the transaction ends. */
	Optional<Room> lock(String code) {
		return jdbc.sql("select * from hall_room where code = :code for update").param("code", code).query(this::roomRow)
			.optional();
	}

	/**
	 * What an administrator filters the rooms by; null (or empty) means any.
	 * @param q part of the code, the name or the building (Chinese or English)
	 * @param equipment the room has all of these
	 * @param status BOOKABLE, NOT_BOOKABLE or OUT_OF_SERVICE (now)
	 */
	record Filter(String q, String campus, String building, Integer minCapacity, String kind, List<String> equipment,
			String status) {
	}

	private static final String FILTER = """
			(cast(:q as varchar) is null or code ilike :q or name->>'zh-CN' ilike :q or name->>'en-US' ilike :q
			  or building->>'zh-CN' ilike :q or building->>'en-US' ilike :q)
			and (cast(:campus as varchar) is null or campus = :campus)
			and (cast(:building as varchar) is null or building->>'zh-CN' = :building or building->>'en-US' = :building)
			and capacity >= :capacity
			and (cast(:kind as varchar) is null or kind = :kind)
			and equipment @> cast(:equipment as jsonb)
			and (cast(:status as varchar) is null
			  or cast(:status as varchar) = 'NOT_BOOKABLE' and not active
			  or cast(:status as varchar) = 'OUT_OF_SERVICE' and active and %1$s
			  or cast(:status as varchar) = 'BOOKABLE' and active and not %1$s)""".formatted(
			"coalesce(out_of_service_from <= now() and (out_of_service_to is null or out_of_service_to > now()), false)");

	List<Room> search(Filter filter, int limit, long offset) {
		return bind(jdbc.sql("select * from hall_room where " + FILTER
				+ " order by sort_order, code limit :limit offset :offset"), filter)
			.param("limit", limit).param("offset", offset).query(this::roomRow).list();
	}

	long count(Filter filter) {
		return bind(jdbc.sql("select count(*) from hall_room where " + FILTER), filter).query(Long.class).single();
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
		String q = filter.q() == null || filter.q().isBlank() ? null
				: "%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return spec.param("q", q).param("campus", blankToNull(filter.campus()))
			.param("building", blankToNull(filter.building()))
			.param("capacity", filter.minCapacity() == null ? 1 : filter.minCapacity())
			.param("kind", blankToNull(filter.kind()))
			.param("equipment", json.writeValueAsString(filter.equipment() == null ? List.of() : filter.equipment()))
			.param("status", blankToNull(filter.status()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The campuses and the buildings of each, in the rooms' order. */
	record Options(List<String> campuses, List<Building> buildings) {
	}

	record Building(String campus, Map<String, String> name) {
	}

	Options options() {
		List<String> campuses = jdbc.sql("select campus from hall_room group by campus order by min(sort_order), campus")
			.query(String.class).list();
		List<Building> buildings = jdbc.sql("""
				select campus, building::text as building from hall_room group by campus, building
				order by campus, min(sort_order), building::text""")
			.query((rs, n) -> new Building(rs.getString("campus"), texts(rs.getString("building")))).list();
		return new Options(campuses, buildings);
	}

	Room insert(RoomAdministration.RoomInput input, UUID actor) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into hall_room (id, code, campus, building, name, floor, capacity, kind, equipment, active,
				  out_of_service_reason, out_of_service_from, out_of_service_to, sort_order, updated_by)
				values (:id, :code, :campus, cast(:building as jsonb), cast(:name as jsonb), :floor, :capacity, :kind,
				  cast(:equipment as jsonb), :active, :reason, :from, :to,
				  coalesce(:sort, (select coalesce(max(sort_order), 0) + 1 from hall_room)), :actor)""")
			.params(values(input)).param("id", id).param("code", input.code()).param("actor", actor).update();
		return room(input.code()).orElseThrow();
	}

	Room update(String code, RoomAdministration.RoomInput input, UUID actor) {
		jdbc.sql("""
				update hall_room set campus = :campus, building = cast(:building as jsonb), name = cast(:name as jsonb),
				  floor = :floor, capacity = :capacity, kind = :kind, equipment = cast(:equipment as jsonb), active = :active,
				  out_of_service_reason = :reason, out_of_service_from = :from, out_of_service_to = :to,
				  sort_order = coalesce(:sort, sort_order), revision = revision + 1, updated_at = now(), updated_by = :actor
				where code = :code""")
			.params(values(input)).param("code", code).param("actor", actor).update();
		return room(code).orElseThrow();
	}

	private Map<String, Object> values(RoomAdministration.RoomInput input) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("campus", input.campus());
		values.put("building", json.writeValueAsString(stripped(input.building())));
		values.put("name", json.writeValueAsString(stripped(input.name())));
		values.put("floor", input.floor());
		values.put("capacity", input.capacity());
		values.put("kind", input.kind());
		values.put("equipment", json.writeValueAsString(input.equipment() == null ? List.of()
				: input.equipment().stream().distinct().toList()));
		values.put("active", input.bookable() == null || input.bookable());
		RoomAdministration.OutOfServiceInput off = input.outOfService();
		values.put("reason", off == null ? null : off.reason().strip());
		values.put("from", off == null ? null : Timestamp.from(off.from()));
		values.put("to", off == null || off.to() == null ? null : Timestamp.from(off.to()));
		values.put("sort", input.sortOrder());
		return values;
	}

	private static Map<String, String> stripped(Map<String, String> texts) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("zh-CN", texts.get("zh-CN").strip());
		values.put("en-US", texts.get("en-US").strip());
		return values;
	}

	/**
	 * A booking of a room, with the application it was made through.
	 * @param applicantName filled in by the caller from the directory
	 */
	record Booking(UUID id, UUID applicationId, UUID applicantId, String applicantName, Instant from, Instant to,
			String status, String purpose, String applicationStatus, Instant createdAt) {

		Booking withApplicantName(String name) {
			return new Booking(id, applicationId, applicantId, name, from, to, status, purpose, applicationStatus,
					createdAt);
		}
	}

	List<Booking> bookings(UUID roomId, Instant from, Instant to) {
		return jdbc.sql("""
				select b.id, b.application_id, b.applicant_id, lower(b.during) as f, upper(b.during) as t, b.status,
				  b.purpose, a.status as application_status, b.created_at
				from hall_room_booking b left join hall_application a on a.id = b.application_id
				where b.room_id = :room and b.during && tstzrange(:from, :to, '[)')
				order by lower(b.during), b.id""")
			.param("room", roomId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new Booking(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
					rs.getObject("applicant_id", UUID.class), null, rs.getTimestamp("f").toInstant(),
					rs.getTimestamp("t").toInstant(), rs.getString("status"), rs.getString("purpose"),
					rs.getString("application_status"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	/**
	 * Bookable rooms on the campus (all when null) with at least {@code capacity} seats, each with the live bookings
	 * overlapping {@code [from, to)} (none asked when the range is null); a room out of service in the range (or now,
	 * without a range) is not available.
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
		Instant now = Instant.now();
		return rooms.stream().map(r -> new Availability(r, busy.getOrDefault(r.id(), List.of()).isEmpty()
				&& (r.outOfService() == null || !(from == null ? r.outOfService().covers(now)
						: r.outOfService().overlaps(from, to))),
				busy.getOrDefault(r.id(), List.of()))).toList();
	}

	/**
	 * Holds the room for the application (replacing what the application held before, as on a resubmission).
	 * @throws PlatformException 422 on {@code room} when the room is unknown or taken, on {@code to} when the range
	 * is empty
	 */
	void reserve(UUID applicationId, UUID applicantId, String roomCode, OffsetDateTime from, OffsetDateTime to,
			String purpose) {
		Room room = room(roomCode).orElseThrow(() -> invalid("room", "hall.room.unknown", roomCode));
		if (!room.active()) {
			throw invalid("room", "hall.room.not-bookable", roomCode);
		}
		if (!to.isAfter(from)) {
			throw invalid("to", "hall.room.range");
		}
		OutOfService off = room.outOfService();
		if (off != null && off.overlaps(from.toInstant(), to.toInstant())) {
			throw outOfService(room);
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

	/**
	 * Refuses a room that the form's code set no longer offers (switched off, or out of service now) with the reason,
	 * rather than with the form's general "not one of the choices".
	 * @throws PlatformException 422 on {@code room}
	 */
	void checkOffered(String roomCode) {
		Optional<Room> room = room(roomCode);
		if (room.isEmpty()) {
			return;
		}
		if (!room.get().active()) {
			throw invalid("room", "hall.room.not-bookable", roomCode);
		}
		OutOfService off = room.get().outOfService();
		if (off != null && off.covers(Instant.now())) {
			throw outOfService(room.get());
		}
	}

	private static PlatformException outOfService(Room room) {
		OutOfService off = room.outOfService();
		return off.to() == null
				? invalid("room", "hall.room.out-of-service-open", room.code(), off.reason(), TIME.format(off.from()))
				: invalid("room", "hall.room.out-of-service", room.code(), off.reason(), TIME.format(off.from()),
						TIME.format(off.to()));
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
		Timestamp offFrom = rs.getTimestamp("out_of_service_from");
		Timestamp offTo = rs.getTimestamp("out_of_service_to");
		OutOfService off = offFrom == null ? null : new OutOfService(rs.getString("out_of_service_reason"),
				offFrom.toInstant(), offTo == null ? null : offTo.toInstant());
		return new Room(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("campus"),
				texts(rs.getString("building")), texts(rs.getString("name")), (Integer) rs.getObject("floor"),
				rs.getInt("capacity"), rs.getString("kind"), equipment, rs.getBoolean("active"), off,
				rs.getInt("sort_order"), rs.getInt("revision"), rs.getTimestamp("updated_at").toInstant());
	}

	private Map<String, String> texts(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		json.readTree(text).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		return values;
	}

	/**
	 * @param active whether it may be booked at all ({@code bookable} in JSON)
	 * @param outOfService null unless a period out of service is set
	 */
	record Room(UUID id, String code, String campus, Map<String, String> building, Map<String, String> name,
			Integer floor, int capacity, String kind, List<String> equipment,
			@JsonProperty("bookable") boolean active, OutOfService outOfService, int sortOrder, int revision,
			Instant updatedAt) {

		/** BOOKABLE, NOT_BOOKABLE or OUT_OF_SERVICE (now). */
		@JsonProperty("status")
		String status() {
			if (!active) {
				return "NOT_BOOKABLE";
			}
			return outOfService != null && outOfService.covers(Instant.now()) ? "OUT_OF_SERVICE" : "BOOKABLE";
		}
	}

	/** @param to null: until further notice */
	record OutOfService(String reason, Instant from, Instant to) {

		boolean overlaps(Instant start, Instant end) {
			return from.isBefore(end) && (to == null || to.isAfter(start));
		}

		boolean covers(Instant at) {
			return !from.isAfter(at) && (to == null || to.isAfter(at));
		}
	}

	/** A live booking's time range. */
	record Busy(Instant from, Instant to, String status) {
	}

	record Availability(Room room, boolean available, List<Busy> busy) {
	}
}
