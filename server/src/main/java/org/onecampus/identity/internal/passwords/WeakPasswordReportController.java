package org.onecampus.identity.internal.passwords;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.imports.Spreadsheets;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.identity.internal.passwords.WeakPasswordReport.DayCount;
import org.onecampus.identity.internal.passwords.WeakPasswordReport.DepartmentCount;
import org.onecampus.kernel.audit.AuditLog;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weak-password dashboard's data, its CSV export and an on-demand snapshot, limited to the reader's scope
 * (a department administrator sees their subtree; the snapshot itself always covers the whole university).
 */
@RestController
@Validated
class WeakPasswordReportController {

	static final String BASE = "/api/v1/identity/password-report";

	private final WeakPasswordReport report;

	static final String READ = "identity:password-report:read";

	private final AuditLog audit;

	private final AdminScope scopes;

	WeakPasswordReportController(WeakPasswordReport report, AuditLog audit, AdminScope scopes) {
		this.report = report;
		this.audit = audit;
		this.scopes = scopes;
	}

	record Summary(int accounts, int scored, int weak, List<DepartmentCount> departments) {
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('identity:password-report:read')")
	Summary summary(@AuthenticationPrincipal CampusUser user) {
		List<DepartmentCount> departments = report.byDepartment(scopes.of(user, READ));
		return new Summary(departments.stream().mapToInt(DepartmentCount::accounts).sum(),
				departments.stream().mapToInt(DepartmentCount::scored).sum(),
				departments.stream().mapToInt(DepartmentCount::weak).sum(), departments);
	}

	@GetMapping(BASE + "/trend")
	@PreAuthorize("hasAuthority('identity:password-report:read')")
	List<DayCount> trend(@RequestParam(defaultValue = "30") @Min(1) @Max(366) int days,
			@AuthenticationPrincipal CampusUser user) {
		return report.trend(days, scopes.of(user, READ));
	}

	@PostMapping(BASE + "/snapshots")
	@PreAuthorize("hasAuthority('identity:password-report:read')")
	ResponseEntity<List<DayCount>> snapshot(@AuthenticationPrincipal CampusUser user) {
		report.snapshot();
		audit.record("identity.password-report-snapshot", null, null);
		return ResponseEntity.ok(report.trend(1, scopes.of(user, READ)));
	}

	/** Weak accounts by department as CSV (UTF-8 with a byte-order mark so that Excel shows Chinese). */
	@GetMapping(value = BASE + "/weak-accounts.csv", produces = "text/csv")
	@PreAuthorize("hasAuthority('identity:password-report:read')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal CampusUser user) {
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("department_code", "department", "username", "name", "score", "scored_at"));
		var accounts = report.weakAccounts(scopes.of(user, READ));
		for (var account : accounts) {
			rows.add(List.of(account.departmentCode(), account.departmentName(), account.username(), account.name(),
					Integer.toString(account.score()), DateTimeFormatter.ISO_INSTANT.format(account.scoredAt())));
		}
		audit.record("identity.password-report-exported", null, Map.of("weakAccounts", accounts.size()));
		return Downloads.csv("weak-passwords.csv", rows);
	}

	/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
	static String cell(String value) {
		return Spreadsheets.cell(value);
	}
}
