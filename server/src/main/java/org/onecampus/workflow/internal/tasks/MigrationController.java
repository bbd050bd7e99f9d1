package org.onecampus.workflow.internal.tasks;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;
import org.onecampus.workflow.internal.processes.VersionRollbacks;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moving running instances between versions of a process, and rolling back a bad publish; for the
 * process's administrators and holders of {@code workflow:process:admin}.
 */
@RestController
class MigrationController {

	private final InstanceMigrations migrations;

	private final VersionRollbacks rollbacks;

	private final ProcessVersions versions;

	MigrationController(InstanceMigrations migrations, VersionRollbacks rollbacks, ProcessVersions versions) {
		this.migrations = migrations;
		this.rollbacks = rollbacks;
		this.versions = versions;
	}

	/**
	 * @param dryRun defaults to true: nothing moves unless asked explicitly
	 * @param instanceIds null: every running instance of {@code fromVersion}
	 * @param activityMappings source node id → target node id, for nodes whose id changed
	 */
	record MigrationRequest(@NotNull @Positive Integer fromVersion, @NotNull @Positive Integer toVersion, Boolean dryRun,
			@Size(max = 1000) List<UUID> instanceIds, @Size(max = 200) Map<String, String> activityMappings) {
	}

	/** @param migrateInstances true: also move instances of the bad version to the new one; else only a dry run */
	record RollbackRequest(Boolean migrateInstances) {
	}

	record RollbackResult(String key, int rolledBack, int restored, int version, InstanceMigrations.Report migration) {
	}

	@PostMapping("/api/v1/workflow/processes/{key}/migrations")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceMigrations.Report migrate(@AuthenticationPrincipal CampusUser user, @PathVariable String key,
			@Valid @RequestBody MigrationRequest body) {
		InstanceMigrations.requireAdministrator(latest(key), user);
		return migrations.run(key, new InstanceMigrations.Plan(body.fromVersion(), body.toVersion(),
				!Boolean.FALSE.equals(body.dryRun()), body.instanceIds(), body.activityMappings()), user.personId());
	}

	@PostMapping("/api/v1/workflow/processes/{key}/versions/{version}/rollback")
	@PreAuthorize("hasAuthority('workflow:process:publish')")
	ResponseEntity<RollbackResult> rollback(@AuthenticationPrincipal CampusUser user, @PathVariable String key,
			@PathVariable int version, @Valid @RequestBody(required = false) RollbackRequest body) {
		InstanceMigrations.requireAdministrator(latest(key), user);
		ProcessVersion published = rollbacks.rollback(key, version, user.personId());
		boolean migrate = body != null && Boolean.TRUE.equals(body.migrateInstances());
		InstanceMigrations.Report report = migrations.run(key,
				new InstanceMigrations.Plan(version, published.version(), !migrate, null, null), user.personId());
		return ResponseEntity.created(URI.create("/api/v1/workflow/processes/" + key + "/versions/" + published.version()))
			.body(new RollbackResult(key, version, version - 1, published.version(), report));
	}

	private ProcessVersion latest(String key) {
		return versions.latest(key).orElseThrow(() -> PlatformException.notFound("process", key));
	}
}
