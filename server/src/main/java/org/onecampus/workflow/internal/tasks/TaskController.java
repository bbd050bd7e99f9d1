package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.Processes.InstanceSummary;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's tasks: lists, one task with its form, approve and reject. */
@RestController
class TaskController {

	private final InstanceRuntime runtime;

	private final InstanceViews views;

	TaskController(InstanceRuntime runtime, InstanceViews views) {
		this.runtime = runtime;
		this.views = views;
	}

	/**
	 * @param formData edits of fields the node may edit; null or empty for none
	 * @param attachments file objects {@code {id, name, size, contentType}} from the upload endpoint
	 * @param assignees approvers chosen for the next nodes whose rule is PREVIOUS_CHOOSES
	 */
	record ApprovalRequest(@Size(max = 2000) String comment, Map<String, Object> formData,
			@Size(max = 20) List<Object> attachments, Map<String, List<UUID>> assignees) {
	}

	record RejectionRequest(@Size(max = 2000) String comment, @Size(max = 20) List<Object> attachments) {
	}

	@GetMapping("/api/v1/workflow/tasks")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	Page<InstanceViews.TaskItem> list(@AuthenticationPrincipal CampusUser user,
			@RequestParam(defaultValue = "todo") String scope, @Valid PageQuery page) {
		return views.tasks(user.personId(), scope, page);
	}

	@GetMapping("/api/v1/workflow/tasks/{id}")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceViews.TaskDetail get(@AuthenticationPrincipal CampusUser user, @PathVariable String id) {
		return views.task(id, user);
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/approval")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceSummary approve(@AuthenticationPrincipal CampusUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) ApprovalRequest body) {
		ApprovalRequest request = body == null ? new ApprovalRequest(null, null, null, null) : body;
		return runtime.approve(id, user.personId(), new InstanceRuntime.Decision(request.comment(), request.formData(),
				request.attachments(), request.assignees()));
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/rejection")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceSummary reject(@AuthenticationPrincipal CampusUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) RejectionRequest body) {
		return runtime.reject(id, user.personId(), body == null ? null : body.comment(),
				body == null ? null : body.attachments());
	}
}
