package org.onecampus.kernel.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reading and verifying the audit log, for security officers and administrators. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private static final ZoneId CAMPUS_ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final AuditVerification verification;

	private final JsonMapper json;

	AuditController(JdbcClient jdbc, AuditVerification verification, JsonMapper json) {
		this.jdbc = jdbc;
		this.verification = verification;
		this.json = json;
	}

	/**
	 * Entries newest first, filtered by actor and action (exact match), target (contains, e.g. an app
	 * code or a person id), client address (exact) and time ({@code from} inclusive, {@code to}
	 * exclusive, ISO-8601 instants).
	 */
	@GetMapping("/events")
	@PreAuthorize("hasAuthority('kernel:audit:read')")
	Page<AuditEventView> events(@Valid PageQuery paging, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String target,
			@RequestParam(required = false) String ip, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (target != null && !target.isBlank()) {
			where.append(" and strpos(target, ?) > 0");
			params.add(target.trim());
		}
		if (ip != null && !ip.isBlank()) {
			where.append(" and ip = ?");
			params.add(ip.trim());
		}
		if (from != null) {
			where.append(" and occurred_at >= ?");
			params.add(java.sql.Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and occurred_at < ?");
			params.add(java.sql.Timestamp.from(to));
		}
		if (actor != null && !actor.isBlank()) {
			where.append(" and actor = ?");
			params.add(actor.trim());
		}
		if (action != null && !action.isBlank()) {
			where.append(" and action = ?");
			params.add(action.trim());
		}
		long total = jdbc.sql("select count(*) from kernel_audit_event" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.sizeOrDefault());
		pageParams.add(paging.offset());
		List<AuditEventView> items = jdbc
			.sql("select id, occurred_at, actor, action, target, details, ip from kernel_audit_event" + where
					+ " order by id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new AuditEventView(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("target"),
					rs.getString("details") == null ? null : json.readTree(rs.getString("details")), rs.getString("ip")))
			.list();
		return new Page<>(items, paging.pageOrDefault(), paging.sizeOrDefault(), total);
	}

	/** Entries per day (campus time zone) for the last {@code days} days, oldest first, including empty days. */
	@GetMapping("/statistics/daily")
	@PreAuthorize("hasAuthority('kernel:audit:read')")
	List<DailyCount> daily(@RequestParam(defaultValue = "14") @Min(1) @Max(366) int days) {
		LocalDate today = LocalDate.now(CAMPUS_ZONE);
		LocalDate first = today.minusDays(days - 1L);
		var counts = new java.util.HashMap<LocalDate, Long>();
		jdbc.sql("""
				select (occurred_at at time zone 'Asia/Shanghai')::date as day, count(*) as n
				from kernel_audit_event where occurred_at >= ? group by 1""")
			.param(java.sql.Timestamp.from(first.atStartOfDay(CAMPUS_ZONE).toInstant()))
			.query(rs -> {
				counts.put(rs.getDate("day").toLocalDate(), rs.getLong("n"));
			});
		List<DailyCount> result = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			result.add(new DailyCount(day, counts.getOrDefault(day, 0L)));
		}
		return result;
	}

	/** Verifies the whole chain now. */
	@PostMapping("/verifications")
	@ResponseStatus(HttpStatus.OK)
	@PreAuthorize("hasAuthority('kernel:audit:verify')")
	AuditVerification.Result verify() {
		return verification.verify();
	}

	record AuditEventView(long id, Instant occurredAt, String actor, String action, String target, JsonNode details,
			String ip) {
	}

	record DailyCount(LocalDate day, long count) {
	}
}
