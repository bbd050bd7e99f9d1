package org.onecampus.hall.internal.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rooms of 教室借用 as the assets or teaching office manages them ({@code hall:room:manage}): list and filter,
 * create and edit (validated field by field, 422), optimistic (409 on a stale revision), out of service with a reason
 * and a period, and a room's bookings with who booked it through which application. Every change is audited with the
 * room before and after, and the form's room code set follows in the same transaction ({@link RoomCodeSet}).
 */
@Service
class RoomAdministration {

	static final String PERMISSION = "hall:room:manage";

	static final Set<String> KINDS = Set.of("CLASSROOM", "LECTURE_HALL", "SEMINAR", "LAB");

	static final Set<String> EQUIPMENT = Set.of("projector", "microphone", "recording", "computers", "whiteboard", "ac");

	/** A room's status in the list filter: bookable now, switched off, or out of service at this moment. */
	static final Set<String> STATUSES = Set.of("BOOKABLE", "NOT_BOOKABLE", "OUT_OF_SERVICE");

	/** The longest span of a room's bookings list. */
	static final Duration LONGEST = Duration.ofDays(62);

	private final Rooms rooms;

	private final PersonDirectory directory;

	private final AuditLog audit;

	private final RoomCodeSet codeSet;

	RoomAdministration(Rooms rooms, PersonDirectory directory, AuditLog audit, RoomCodeSet codeSet) {
		this.rooms = rooms;
		this.directory = directory;
		this.audit = audit;
		this.codeSet = codeSet;
	}

	/** A room as an administrator writes it; {@code revision} is the one read (ignored on create). */
	record RoomInput(String code, String campus, Map<String, String> building, Map<String, String> name, Integer floor,
			Integer capacity, String kind, List<String> equipment, Boolean bookable, OutOfServiceInput outOfService,
			Integer sortOrder, Integer revision) {
	}

	/** @param to null: until further notice */
	record OutOfServiceInput(String reason, Instant from, Instant to) {
	}

	Page<Rooms.Room> list(Rooms.Filter filter, PageQuery page) {
		List<FieldProblem> problems = new ArrayList<>();
		if (filter.kind() != null && !KINDS.contains(filter.kind())) {
			problems.add(new FieldProblem("kind", "hall.room.kind"));
		}
		if (filter.status() != null && !STATUSES.contains(filter.status())) {
			problems.add(new FieldProblem("status", "hall.room.status"));
		}
		filter.equipment().stream().filter(e -> !EQUIPMENT.contains(e)).findFirst()
			.ifPresent(e -> problems.add(new FieldProblem("equipment", "hall.room.equipment", e)));
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		return new Page<>(rooms.search(filter, page.sizeOrDefault(), page.offset()), page.pageOrDefault(),
				page.sizeOrDefault(), rooms.count(filter));
	}

	Rooms.Room get(String code) {
		return rooms.room(code).orElseThrow(() -> PlatformException.notFound("room", code));
	}

	/** The campuses and buildings in use, for the filters and the form. */
	Rooms.Options options() {
		return rooms.options();
	}

	@Transactional
	Rooms.Room create(CampusUser user, RoomInput input) {
		List<FieldProblem> problems = new ArrayList<>();
		if (input.code() == null || !input.code().matches("^[A-Z][A-Z0-9-]{1,31}$")) {
			problems.add(new FieldProblem("code", "hall.room.code"));
		}
		else if (rooms.room(input.code()).isPresent()) {
			problems.add(new FieldProblem("code", "hall.room.code-taken", input.code()));
		}
		validate(input, problems);
		Rooms.Room created = rooms.insert(input, user.personId());
		audit.record("hall.room.created", "hall-room:" + created.code(), Map.of("after", snapshot(created)));
		codeSet.sync();
		return created;
	}

	@Transactional
	Rooms.Room update(CampusUser user, String code, RoomInput input) {
		Rooms.Room before = rooms.lock(code).orElseThrow(() -> PlatformException.notFound("room", code));
		List<FieldProblem> problems = new ArrayList<>();
		if (input.revision() == null) {
			problems.add(new FieldProblem("revision", "hall.room.required"));
		}
		validate(input, problems);
		if (before.revision() != input.revision()) {
			throw PlatformException.conflict("hall.room.stale", code, before.revision());
		}
		Rooms.Room after = rooms.update(code, input, user.personId());
		audit.record("hall.room.updated", "hall-room:" + code,
				Map.of("before", snapshot(before), "after", snapshot(after)));
		codeSet.sync();
		return after;
	}

	/**
	 * A room's live and released bookings overlapping {@code [from, to)}, each with the applicant and the application
	 * it was booked through.
	 */
	List<Rooms.Booking> bookings(String code, Instant from, Instant to) {
		Rooms.Room room = get(code);
		if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0) {
			throw PlatformException.invalid(List.of(new FieldProblem("to", "hall.room.bookings-range")));
		}
		List<Rooms.Booking> bookings = rooms.bookings(room.id(), from, to);
		Map<UUID, String> names = new LinkedHashMap<>();
		directory.contacts(bookings.stream().map(Rooms.Booking::applicantId).distinct().toList())
			.forEach(c -> names.put(c.personId(), c.name()));
		return bookings.stream().map(b -> b.withApplicantName(names.get(b.applicantId()))).toList();
	}

	private static void validate(RoomInput input, List<FieldProblem> problems) {
		if (input.campus() == null || !input.campus().matches("^[A-Z]{2,16}$")) {
			problems.add(new FieldProblem("campus", "hall.room.campus"));
		}
		texts("name", input.name(), 100, problems);
		texts("building", input.building(), 100, problems);
		if (input.floor() != null && (input.floor() < -5 || input.floor() > 100)) {
			problems.add(new FieldProblem("floor", "hall.room.floor"));
		}
		if (input.capacity() == null || input.capacity() < 1 || input.capacity() > 5000) {
			problems.add(new FieldProblem("capacity", "hall.room.capacity"));
		}
		if (input.kind() == null || !KINDS.contains(input.kind())) {
			problems.add(new FieldProblem("kind", "hall.room.kind"));
		}
		if (input.equipment() != null) {
			input.equipment().stream().filter(e -> !EQUIPMENT.contains(e)).findFirst()
				.ifPresent(e -> problems.add(new FieldProblem("equipment", "hall.room.equipment", String.valueOf(e))));
		}
		if (input.sortOrder() != null && (input.sortOrder() < 0 || input.sortOrder() > 100_000)) {
			problems.add(new FieldProblem("sortOrder", "hall.room.sort-order"));
		}
		OutOfServiceInput off = input.outOfService();
		if (off != null) {
			if (off.reason() == null || off.reason().isBlank() || off.reason().strip().length() > 200) {
				problems.add(new FieldProblem("outOfService.reason", "hall.room.out-of-service-reason"));
			}
			if (off.from() == null) {
				problems.add(new FieldProblem("outOfService.from", "hall.room.required"));
			}
			else if (off.to() != null && !off.to().isAfter(off.from())) {
				problems.add(new FieldProblem("outOfService.to", "hall.room.out-of-service-period"));
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private static void texts(String field, Map<String, String> value, int max, List<FieldProblem> problems) {
		String zh = value == null ? null : value.get("zh-CN");
		String en = value == null ? null : value.get("en-US");
		if (zh == null || zh.isBlank() || zh.strip().length() > max) {
			problems.add(new FieldProblem(field + ".zh-CN", "hall.room.text", max));
		}
		if (en == null || en.isBlank() || en.strip().length() > max) {
			problems.add(new FieldProblem(field + ".en-US", "hall.room.text", max));
		}
	}

	private static Map<String, Object> snapshot(Rooms.Room room) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("campus", room.campus());
		values.put("building", room.building());
		values.put("name", room.name());
		values.put("floor", room.floor() == null ? "" : room.floor());
		values.put("capacity", room.capacity());
		values.put("kind", room.kind());
		values.put("equipment", room.equipment());
		values.put("bookable", room.active());
		values.put("outOfService", room.outOfService() == null ? "" : Map.of("reason", room.outOfService().reason(),
				"from", room.outOfService().from().toString(),
				"to", room.outOfService().to() == null ? "" : room.outOfService().to().toString()));
		values.put("revision", room.revision());
		return values;
	}
}
