package org.onecampus.identity.internal.passwords;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.identity.internal.passwords.PasswordCampaigns.Campaign;
import org.onecampus.identity.internal.passwords.PasswordCampaigns.DepartmentProgress;
import org.onecampus.identity.internal.passwords.PasswordCampaigns.TargetRow;
import org.onecampus.kernel.audit.AuditLog;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Weak-password campaigns: list, create, launch, cancel, progress by department and the list of
 * targets as CSV or .xlsx. Administrators limited to part of the org tree work inside it.
 */
@RestController
@Tag(name = "Weak-password campaigns")
class PasswordCampaignController {

	static final String BASE = "/api/v1/identity/password-campaigns";

	static final String MANAGE = "identity:password-report:manage";

	private final PasswordCampaignManagement management;

	private final PasswordCampaigns campaigns;

	private final AdminScope scopes;

	private final AuditLog audit;

	PasswordCampaignController(PasswordCampaignManagement management, PasswordCampaigns campaigns, AdminScope scopes,
			AuditLog audit) {
		this.management = management;
		this.campaigns = campaigns;
		this.scopes = scopes;
		this.audit = audit;
	}

	/** A campaign with its progress per department. */
	record CampaignDetail(Campaign campaign, List<DepartmentProgress> departments) {
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "Campaigns the caller may see, newest first, each with its progress")
	List<Campaign> list(@AuthenticationPrincipal CampusUser user) {
		return campaigns.list(scopes.of(user, MANAGE));
	}

	@PostMapping(BASE)
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "Create a draft campaign (all weak accounts in scope, or those in org units and below)")
	ResponseEntity<CampaignDetail> create(@AuthenticationPrincipal CampusUser user,
			@Valid @RequestBody CampaignForm form) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		UUID id = management.create(form, scope, user.getUsername());
		return ResponseEntity.created(URI.create(BASE + "/" + id)).body(detail(management.visible(id, scope)));
	}

	@GetMapping(BASE + "/{id}")
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "A campaign with live progress: targeted, notified, fixed, still weak, forced; by department")
	CampaignDetail detail(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return detail(management.visible(id, scopes.of(user, MANAGE)));
	}

	@PostMapping(BASE + "/{id}/launch")
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "Launch a draft: fix the targets and notify them; launching again changes nothing")
	CampaignDetail launch(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return detail(management.launch(id, scopes.of(user, MANAGE), user.getUsername()));
	}

	@PostMapping(BASE + "/{id}/cancellation")
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "Cancel a draft or launched campaign; no more reminders, nobody is forced")
	CampaignDetail cancel(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return detail(management.cancel(id, scopes.of(user, MANAGE), user.getUsername()));
	}

	@GetMapping(value = BASE + "/{id}/targets.csv", produces = "text/csv")
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "The campaign's targets and their state as CSV (UTF-8 with BOM)")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return Downloads.csv("password-campaign-" + id + ".csv", export(user, id, "csv"));
	}

	@GetMapping(value = BASE + "/{id}/targets.xlsx", produces = Downloads.XLSX)
	@PreAuthorize("hasAuthority('identity:password-report:manage')")
	@Operation(summary = "The campaign's targets and their state as an Excel workbook")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return Downloads.xlsx("password-campaign-" + id + ".xlsx", "targets", export(user, id, "xlsx"));
	}

	private CampaignDetail detail(Campaign campaign) {
		return new CampaignDetail(campaign, campaigns.byDepartment(campaign.id()));
	}

	private List<List<String>> export(CampusUser user, UUID id, String format) {
		management.visible(id, scopes.of(user, MANAGE));
		List<TargetRow> targets = campaigns.targets(id);
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("department_code", "department", "username", "name", "status", "notified_at", "reminders",
				"forced_at", "password_changed_at"));
		for (TargetRow target : targets) {
			rows.add(java.util.Arrays.asList(target.departmentCode(), target.department(), target.username(),
					target.name(), target.fixed() ? "FIXED" : "STILL_WEAK", time(target.notifiedAt()),
					Integer.toString(target.reminders()), time(target.forcedAt()), time(target.passwordChangedAt())));
		}
		audit.record("identity.password-campaign-exported", "password-campaign:" + id,
				Map.of("format", format, "targets", targets.size()));
		return rows;
	}

	private static String time(java.time.Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
	}
}
