package org.onecampus.hall.internal.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.statistics.Statistics.ColdService;
import org.onecampus.hall.internal.statistics.Statistics.DepartmentFigures;
import org.onecampus.hall.internal.statistics.Statistics.Filter;
import org.onecampus.hall.internal.statistics.Statistics.Kpis;
import org.onecampus.hall.internal.statistics.Statistics.Nodes;
import org.onecampus.hall.internal.statistics.Statistics.Overview;
import org.onecampus.hall.internal.statistics.Statistics.ServiceFigures;
import org.onecampus.identity.AdminScopes;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service hall's statistics for item owners and the IT centre: volume, processing times, node times, SLA breaches,
 * ratings, TOP20 and cold items, the 一网通办 KPIs, and all of it as a workbook. A department administrator sees their
 * department's items; a role granted without a scope sees every department.
 */
@RestController
class StatisticsController {

	static final String READ = "hasAuthority('hall:statistics:read')";

	static final long MAX_DAYS = 3 * 366;

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Statistics statistics;

	private final StatisticsExport export;

	private final AdminScopes scopes;

	private final Rollups rollups;

	private final AuditLog audit;

	StatisticsController(Statistics statistics, StatisticsExport export, AdminScopes scopes, Rollups rollups,
			AuditLog audit) {
		this.statistics = statistics;
		this.export = export;
		this.scopes = scopes;
		this.rollups = rollups;
		this.audit = audit;
	}

	record Items<T>(List<T> items) {
	}

	record Cold(int threshold, List<ColdService> items) {
	}

	@GetMapping("/api/v1/hall/statistics/overview")
	@PreAuthorize(READ)
	Overview overview(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return statistics.overview(filter(user, params, locale));
	}

	@GetMapping("/api/v1/hall/statistics/services")
	@PreAuthorize(READ)
	Items<ServiceFigures> services(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return new Items<>(statistics.services(filter(user, params, locale)));
	}

	@GetMapping("/api/v1/hall/statistics/top")
	@PreAuthorize(READ)
	Items<ServiceFigures> top(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return new Items<>(statistics.top(filter(user, params, locale)));
	}

	@GetMapping("/api/v1/hall/statistics/departments")
	@PreAuthorize(READ)
	Items<DepartmentFigures> departments(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return new Items<>(statistics.departments(filter(user, params, locale)));
	}

	@GetMapping("/api/v1/hall/statistics/cold")
	@PreAuthorize(READ)
	Cold cold(@AuthenticationPrincipal CampusUser user, Params params, Locale locale,
			@RequestParam(defaultValue = "5") int threshold) {
		if (threshold < 0 || threshold > 1000) {
			throw PlatformException.invalid(List.of(new FieldProblem("threshold", "hall.statistics.threshold", 0, 1000)));
		}
		return new Cold(threshold, statistics.cold(filter(user, params, locale), threshold));
	}

	/** Node times of the chosen item's process, or of the busiest item when none is chosen; null without any. */
	@GetMapping("/api/v1/hall/statistics/nodes")
	@PreAuthorize(READ)
	Nodes nodes(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return statistics.nodes(filter(user, params, locale));
	}

	@GetMapping("/api/v1/hall/statistics/kpis")
	@PreAuthorize(READ)
	Kpis kpis(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		return statistics.kpis(filter(user, params, locale));
	}

	/** Every table of the dashboard as one workbook, headers in the request's language. */
	@GetMapping("/api/v1/hall/statistics/export.xlsx")
	@PreAuthorize(READ)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CampusUser user, Params params, Locale locale) {
		Filter filter = filter(user, params, locale);
		byte[] workbook = export.workbook(filter);
		audit.record("hall.statistics.exported", null, Map.of("from", filter.from().toString(), "to",
				filter.to().toString(), "department", String.valueOf(filter.department()), "service",
				String.valueOf(filter.service())));
		return ResponseEntity.ok().contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("hall-statistics-" + filter.from() + "-" + filter.to() + ".xlsx").build().toString())
			.body(workbook);
	}

	/** Recomputes every rollup row (the nightly run does it too); waits for a running drain. */
	@PostMapping("/api/v1/hall/statistics/rebuild")
	@PreAuthorize("hasAuthority('hall:statistics:rebuild')")
	Rollups.Result rebuild() {
		Rollups.Result result = rollups.rebuild();
		audit.record("hall.statistics.rebuilt", null, Map.of("rows", result.rows()));
		return result;
	}

	/** The query parameters every figure takes. */
	record Params(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, UUID department, String service,
			String granularity) {
	}

	private Filter filter(CampusUser user, Params params, Locale locale) {
		LocalDate to = params.to() != null ? params.to() : LocalDate.now(Rollups.ZONE);
		LocalDate from = params.from() != null ? params.from() : to.minusDays(89);
		List<FieldProblem> problems = new ArrayList<>();
		if (from.isAfter(to)) {
			problems.add(new FieldProblem("from", "hall.statistics.range-order"));
		}
		else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
			problems.add(new FieldProblem("to", "hall.statistics.range-too-long", MAX_DAYS));
		}
		String granularity = params.granularity() == null || params.granularity().isBlank()
				? defaultGranularity(from, to) : params.granularity().toUpperCase(Locale.ROOT);
		if (!List.of("DAY", "WEEK", "MONTH").contains(granularity)) {
			problems.add(new FieldProblem("granularity", "hall.statistics.granularity"));
		}
		String service = params.service() == null || params.service().isBlank() ? null : params.service();
		if (service != null && !service.matches("[a-z][a-z0-9-]{2,63}")) {
			problems.add(new FieldProblem("service", "hall.statistics.service-code"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		return new Filter(from, to, params.department(), service, granularity,
				scopes.of(user, "hall:statistics:read"), locale);
	}

	private static String defaultGranularity(LocalDate from, LocalDate to) {
		long days = ChronoUnit.DAYS.between(from, to) + 1;
		return days <= 31 ? "DAY" : days <= 190 ? "WEEK" : "MONTH";
	}
}
