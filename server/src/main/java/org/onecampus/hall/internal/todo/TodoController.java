package org.onecampus.hall.internal.todo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's to-do centre. Dates are campus dates (Asia/Shanghai); {@code to} is
 * inclusive. Approving several tasks at once goes through {@code POST /api/v1/workflow/tasks/batch-approval}.
 */
@RestController
class TodoController {

	static final ZoneId CAMPUS_ZONE = ZoneId.of("Asia/Shanghai");

	private final TodoCentre centre;

	TodoController(TodoCentre centre) {
		this.centre = centre;
	}

	@GetMapping("/api/v1/hall/todos")
	@PreAuthorize("hasAuthority('hall:todo:read')")
	Page<TodoItem> list(@AuthenticationPrincipal CampusUser user, @RequestParam(defaultValue = "todo") String scope,
			@RequestParam(required = false) String source, @RequestParam(required = false) String process,
			@RequestParam(required = false) String category,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q, @Valid PageQuery page) {
		return centre.list(user.personId(), TodoCentre.Scope.of(scope), filter(source, process, category, from, to, q),
				page);
	}

	/** How many items each list ({@code todo}, {@code done}, {@code cc}, {@code mine}) holds under the filter. */
	@GetMapping("/api/v1/hall/todos/counts")
	@PreAuthorize("hasAuthority('hall:todo:read')")
	Map<String, Long> counts(@AuthenticationPrincipal CampusUser user, @RequestParam(required = false) String source,
			@RequestParam(required = false) String process, @RequestParam(required = false) String category,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String q) {
		return centre.counts(user.personId(), filter(source, process, category, from, to, q));
	}

	/** The sources (workflow and the systems that pushed to the person) with their processes or categories. */
	@GetMapping("/api/v1/hall/todos/sources")
	@PreAuthorize("hasAuthority('hall:todo:read')")
	List<TodoCentre.Source> sources(@AuthenticationPrincipal CampusUser user) {
		return centre.sources(user.personId());
	}

	private static ListFilter filter(String source, String process, String category, LocalDate from, LocalDate to,
			String q) {
		if (q != null && q.length() > 100) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "request.parameter", "q");
		}
		if (from != null && to != null && to.isBefore(from)) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "request.parameter", "to");
		}
		return new ListFilter(blank(source), blank(process), blank(category),
				from == null ? null : from.atStartOfDay(CAMPUS_ZONE).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(CAMPUS_ZONE).toInstant(), blank(q));
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
