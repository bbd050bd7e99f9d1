package org.onecampus.hall.internal.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Which rooms are free: {@code GET /api/v1/hall/rooms?campus=&from=&to=&capacity=}. */
@RestController
@Validated
class RoomsController {

	private static final Duration LONGEST = Duration.ofDays(31);

	private final Rooms rooms;

	RoomsController(Rooms rooms) {
		this.rooms = rooms;
	}

	/**
	 * Rooms with at least {@code capacity} seats on the campus, each with {@code available} and its live bookings
	 * in {@code [from, to)}; without a range every room is listed as available. The range is at most 31 days.
	 */
	@GetMapping("/api/v1/hall/rooms")
	@PreAuthorize("hasAuthority('hall:room:read')")
	List<Rooms.Availability> availability(@RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,16}") String campus,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) @Min(1) @Max(5000) Integer capacity) {
		if ((from == null) != (to == null) || (from != null && (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0))) {
			throw PlatformException.invalid(List.of(new FieldProblem("to", "hall.room.range")));
		}
		return rooms.availability(campus, from, to, capacity);
	}
}
