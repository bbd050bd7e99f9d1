package org.onecampus.workflow.internal.tasks;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.Processes.InstanceSummary;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Starting, viewing and withdrawing instances, and their administration by the process's administrators. */
@RestController
class InstanceController {

	private final InstanceRuntime runtime;

	private final InstanceViews views;

	private final ProcessVersions versions;

	private final JdbcClient jdbc;

	InstanceController(InstanceRuntime runtime, InstanceViews views, ProcessVersions versions, JdbcClient jdbc) {
		this.runtime = runtime;
		this.views = views;
		this.versions = versions;
		this.jdbc = jdbc;
	}

	/**
	 * @param assignees approvers the applicant chooses, per node whose rule is APPLICANT_CHOOSES
	 */
	record StartRequest(@NotBlank @Size(max = 64) String processKey, Map<String, Object> formData,
			Map<String, List<UUID>> assignees) {
	}

	record Reason(@Size(max = 2000) String reason) {
	}

	record MoveRequest(@NotBlank @Size(max = 64) String toNodeId, @Size(max = 2000) String reason) {
	}

	record ReassignRequest(@NotBlank @Size(max = 64) String taskId, @NotNull UUID assigneeId, @Size(max = 2000) String reason) {
	}

	@PostMapping("/api/v1/workflow/instances")
	@PreAuthorize("hasAuthority('workflow:instance:start')")
	ResponseEntity<InstanceSummary> start(@AuthenticationPrincipal CampusUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) @Size(max = 200) String idempotencyKey,
			@Valid @RequestBody StartRequest body) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw PlatformException.invalid(List.of(new PlatformException.FieldProblem("Idempotency-Key", "workflow.idempotency-key")));
		}
		InstanceSummary summary = runtime.start(body.processKey(), user.personId(), body.formData(), body.assignees(),
				idempotencyKey);
		URI location = URI.create("/api/v1/workflow/instances/" + summary.id());
		return summary.created() ? ResponseEntity.created(location).body(summary)
				: ResponseEntity.ok().location(location).body(summary);
	}

	@GetMapping("/api/v1/workflow/instances/{id}")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceViews.InstanceView get(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return views.instance(id, user);
	}

	@PostMapping("/api/v1/workflow/instances/{id}/withdrawal")
	@PreAuthorize("hasAuthority('workflow:instance:start')")
	InstanceSummary withdraw(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) Reason body) {
		return runtime.withdraw(id, user.personId(), body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/workflow/instances/{id}/suspension")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	ResponseEntity<Void> suspend(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
		views.administered(id, user);
		runtime.suspend(id, user.personId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/workflow/instances/{id}/resumption")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	ResponseEntity<Void> resume(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
		views.administered(id, user);
		runtime.resume(id, user.personId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/workflow/instances/{id}/termination")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	ResponseEntity<Void> terminate(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody Reason body) {
		views.administered(id, user);
		runtime.terminate(id, user.personId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/workflow/instances/{id}/move")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	ResponseEntity<Void> move(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @Valid @RequestBody MoveRequest body) {
		views.administered(id, user);
		runtime.move(id, body.toNodeId(), user.personId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/workflow/instances/{id}/reassignment")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	ResponseEntity<Void> reassign(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody ReassignRequest body) {
		views.administered(id, user);
		runtime.reassign(id, body.taskId(), body.assigneeId(), user.personId(), body.reason());
		return ResponseEntity.noContent().build();
	}

	record InstanceItem(UUID id, int version, UUID applicantId, String status, Instant startedAt, Instant endedAt) {
	}

	/** Instances of a process, for its administrators (or holders of workflow:process:admin). */
	@GetMapping("/api/v1/workflow/processes/{key}/instances")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	Page<InstanceItem> instances(@AuthenticationPrincipal CampusUser user, @PathVariable String key,
			@RequestParam(required = false) String status, @Valid PageQuery page) {
		versions.latest(key).filter(v -> InstanceViews.administers(v, user))
			.orElseThrow(() -> PlatformException.notFound("process", key));
		String where = " from workflow_instance where process_key = :k and (cast(:s as varchar) is null or status = :s)";
		long total = jdbc.sql("select count(*)" + where).param("k", key).param("s", status).query(Long.class).single();
		List<InstanceItem> items = jdbc.sql("select id, version, applicant_id, status, started_at, ended_at" + where
				+ " order by started_at desc, id limit :l offset :o")
			.param("k", key).param("s", status).param("l", page.sizeOrDefault()).param("o", page.offset())
			.query((rs, n) -> new InstanceItem(rs.getObject("id", UUID.class), rs.getInt("version"),
					rs.getObject("applicant_id", UUID.class), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant()))
			.list();
		return new Page<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
	}
}
