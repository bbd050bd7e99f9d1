package org.onecampus.workflow.internal.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Entry;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Kind;
import org.onecampus.workflow.internal.calendar.BusinessCalendars.CalendarInfo;
import org.onecampus.workflow.internal.calendar.BusinessCalendars.CalendarView;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars for administrators: holidays, 调休 working days and term breaks. */
@RestController
class CalendarController {

	private final BusinessCalendars calendars;

	CalendarController(BusinessCalendars calendars) {
		this.calendars = calendars;
	}

	record NewCalendar(@NotNull @Pattern(regexp = "[a-z][a-z0-9-]{2,63}") String code,
			@NotEmpty Map<String, @Size(max = 100) String> name, boolean termBreaksOff) {
	}

	record CalendarChange(@NotEmpty Map<String, @Size(max = 100) String> name, boolean termBreaksOff) {
	}

	record NewEntry(@NotNull Kind kind, @NotNull LocalDate start, LocalDate end, @NotNull @Size(min = 1, max = 100) String name) {
	}

	/** Where working time from {@code from} ends on the calendar. */
	record WorkingTime(String calendar, Instant from, String duration, Instant until) {
	}

	@GetMapping("/api/v1/workflow/calendars")
	@PreAuthorize("hasAuthority('workflow:calendar:read')")
	java.util.List<CalendarInfo> list() {
		return calendars.list();
	}

	@PostMapping("/api/v1/workflow/calendars")
	@PreAuthorize("hasAuthority('workflow:calendar:write')")
	ResponseEntity<CalendarInfo> create(@Valid @RequestBody NewCalendar body) {
		CalendarInfo created = calendars.create(body.code(), body.name(), body.termBreaksOff());
		return ResponseEntity.created(URI.create("/api/v1/workflow/calendars/" + created.code())).body(created);
	}

	@GetMapping("/api/v1/workflow/calendars/{code}")
	@PreAuthorize("hasAuthority('workflow:calendar:read')")
	CalendarView view(@PathVariable String code) {
		return calendars.view(code);
	}

	@PutMapping("/api/v1/workflow/calendars/{code}")
	@PreAuthorize("hasAuthority('workflow:calendar:write')")
	CalendarInfo update(@PathVariable String code, @Valid @RequestBody CalendarChange body) {
		return calendars.update(code, body.name(), body.termBreaksOff());
	}

	@PostMapping("/api/v1/workflow/calendars/{code}/entries")
	@PreAuthorize("hasAuthority('workflow:calendar:write')")
	ResponseEntity<Entry> addEntry(@PathVariable String code, @Valid @RequestBody NewEntry body) {
		Entry entry = calendars.addEntry(code, body.kind(), body.start(), body.end(), body.name());
		return ResponseEntity.created(URI.create("/api/v1/workflow/calendars/" + code + "/entries/" + entry.id())).body(entry);
	}

	@DeleteMapping("/api/v1/workflow/calendars/{code}/entries/{id}")
	@PreAuthorize("hasAuthority('workflow:calendar:write')")
	ResponseEntity<Void> removeEntry(@PathVariable String code, @PathVariable long id) {
		calendars.removeEntry(code, id);
		return ResponseEntity.noContent().build();
	}

	/** Previews a timer: {@code GET …/working-time?from=2026-09-30T10:00:00Z&duration=P1D}. */
	@GetMapping("/api/v1/workflow/calendars/{code}/working-time")
	@PreAuthorize("hasAuthority('workflow:calendar:read')")
	WorkingTime workingTime(@PathVariable String code, @RequestParam Instant from, @RequestParam String duration) {
		BusinessCalendar calendar = calendars.calendar(code);
		try {
			return new WorkingTime(code, from, duration, calendar.plus(from, BusinessCalendar.parseDuration(duration)));
		}
		catch (IllegalArgumentException ex) {
			throw PlatformException.invalid(java.util.List.of(new FieldProblem("duration", "workflow.timer-duration-invalid")));
		}
	}
}
