package org.onecampus.hall.internal.booking;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managing the rooms of 教室借用 ({@code hall:room:manage}): list, create, edit, out of service, bookings. */
@RestController
@Validated
@RequestMapping("/api/v1/hall/admin/rooms")
class RoomAdminController {

	private final RoomAdministration administration;

	RoomAdminController(RoomAdministration administration) {
		this.administration = administration;
	}

	/** Rooms by code, name or building ({@code q}), campus, building, capacity, kind, equipment (all of) and status. */
	@GetMapping
	@PreAuthorize("hasAuthority('hall:room:manage')")
	Page<Rooms.Room> list(@RequestParam(required = false) @Size(max = 100) String q,
			@RequestParam(required = false) @Size(max = 16) String campus,
			@RequestParam(required = false) @Size(max = 100) String building,
			@RequestParam(required = false) @Min(1) @Max(5000) Integer minCapacity,
			@RequestParam(required = false) String kind, @RequestParam(required = false) List<String> equipment,
			@RequestParam(required = false) String status, @Valid PageQuery page) {
		return administration.list(new Rooms.Filter(q, campus, building, minCapacity, blankToNull(kind),
				equipment == null ? List.of() : equipment.stream().filter(e -> !e.isBlank()).toList(), blankToNull(status)),
				page);
	}

	@GetMapping("/options")
	@PreAuthorize("hasAuthority('hall:room:manage')")
	Rooms.Options options() {
		return administration.options();
	}

	@GetMapping("/{code}")
	@PreAuthorize("hasAuthority('hall:room:manage')")
	Rooms.Room get(@PathVariable String code) {
		return administration.get(code);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('hall:room:manage')")
	@ResponseStatus(HttpStatus.CREATED)
	Rooms.Room create(@AuthenticationPrincipal CampusUser user, @RequestBody RoomAdministration.RoomInput input) {
		return administration.create(user, input);
	}

	/** Replaces the room's editable fields; {@code revision} is the one read (409 when someone changed it since). */
	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('hall:room:manage')")
	Rooms.Room update(@AuthenticationPrincipal CampusUser user, @PathVariable String code,
			@RequestBody RoomAdministration.RoomInput input) {
		return administration.update(user, code, input);
	}

	/** The room's bookings overlapping {@code [from, to)} (at most 62 days), with applicant and application. */
	@GetMapping("/{code}/bookings")
	@PreAuthorize("hasAuthority('hall:room:manage')")
	List<Rooms.Booking> bookings(@PathVariable String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return administration.bookings(code, from, to);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
