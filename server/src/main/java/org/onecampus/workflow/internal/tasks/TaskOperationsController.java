package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.Processes.InstanceSummary;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on a task beyond approve and reject (return, take-back, transfer, delegation, signers,
 * urge), resubmission of a returned instance and batch approval. Every request may carry a comment and
 * attachments; only the person holding the task may act on it.
 */
@RestController
class TaskOperationsController {

	private final TaskOperations operations;

	private final InstanceRuntime runtime;

	private final PersonDirectory directory;

	TaskOperationsController(TaskOperations operations, InstanceRuntime runtime, PersonDirectory directory) {
		this.operations = operations;
		this.runtime = runtime;
		this.directory = directory;
	}

	/** The person named by id or by account name; 422 when neither names a known person. */
	private UUID person(UUID personId, String username) {
		if (personId != null) {
			return personId;
		}
		if (username != null && !username.isBlank()) {
			return directory.personIdByUsername(username.strip())
				.orElseThrow(() -> PlatformException.invalid(List.of(new FieldProblem("username", "workflow.person-unknown"))));
		}
		throw PlatformException.invalid(List.of(new FieldProblem("personId", "workflow.person-unknown")));
	}

	/** Comment and attachments ({@code {id, name, size, contentType}} file objects). */
	record NoteRequest(@Size(max = 2000) String comment, @Size(max = 20) List<Object> attachments) {

		TaskOperations.Note note() {
			return new TaskOperations.Note(comment, attachments);
		}

		static TaskOperations.Note of(NoteRequest request) {
			return request == null ? TaskOperations.Note.NONE : request.note();
		}
	}

	record ReturnRequest(@NotNull @Size(max = 64) String targetNodeId, @Size(max = 2000) String comment,
			@Size(max = 20) List<Object> attachments) {
	}

	/** @param username alternative to {@code personId}: the person's account name (工号/学号) */
	record PersonRequest(UUID personId, @Size(max = 64) String username, @Size(max = 2000) String comment,
			@Size(max = 20) List<Object> attachments) {
	}

	/**
	 * @param position BEFORE, AFTER or PARALLEL (the last only on a parallel multi-person node)
	 * @param username alternative to {@code personId}
	 */
	record SignerRequest(UUID personId, @Size(max = 64) String username, @NotNull TaskOperations.Position position,
			@Size(max = 2000) String comment, @Size(max = 20) List<Object> attachments) {
	}

	record ResubmissionRequest(Map<String, Object> formData, @Size(max = 2000) String comment,
			@Size(max = 20) List<Object> attachments) {
	}

	record BatchApprovalRequest(@NotEmpty @Size(max = 100) List<@NotNull @Size(max = 64) String> taskIds,
			@Size(max = 2000) String comment) {
	}

	/**
	 * One task's outcome in a batch.
	 * @param status the HTTP status the single approval would have answered
	 * @param errorCode the problem's error code when it failed
	 */
	record BatchItem(String taskId, int status, String errorCode, InstanceSummary instance) {
	}

	record BatchResult(int approved, int failed, List<BatchItem> items) {
	}

	@GetMapping("/api/v1/workflow/tasks/{id}/return-targets")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	List<TaskOperations.ReturnTarget> returnTargets(@AuthenticationPrincipal CampusUser user, @PathVariable String id) {
		return operations.returnTargets(id, user.personId());
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/return")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceSummary returnTo(@AuthenticationPrincipal CampusUser user, @PathVariable String id,
			@Valid @RequestBody ReturnRequest body) {
		return operations.returnTo(id, user.personId(), body.targetNodeId(),
				new TaskOperations.Note(body.comment(), body.attachments()));
	}

	@PostMapping("/api/v1/workflow/instances/{id}/resubmission")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceSummary resubmit(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) ResubmissionRequest body) {
		ResubmissionRequest request = body == null ? new ResubmissionRequest(null, null, null) : body;
		return operations.resubmit(id, user.personId(), request.formData(),
				new TaskOperations.Note(request.comment(), request.attachments()));
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/take-back")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	InstanceSummary takeBack(@AuthenticationPrincipal CampusUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) NoteRequest body) {
		return operations.takeBack(id, user.personId(), NoteRequest.of(body));
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/transfer")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void transfer(@AuthenticationPrincipal CampusUser user, @PathVariable String id, @Valid @RequestBody PersonRequest body) {
		operations.transfer(id, user.personId(), person(body.personId(), body.username()), new TaskOperations.Note(body.comment(), body.attachments()));
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/delegation")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delegate(@AuthenticationPrincipal CampusUser user, @PathVariable String id, @Valid @RequestBody PersonRequest body) {
		operations.delegate(id, user.personId(), person(body.personId(), body.username()), new TaskOperations.Note(body.comment(), body.attachments()));
	}

	@DeleteMapping("/api/v1/workflow/tasks/{id}/delegation")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void recallDelegation(@AuthenticationPrincipal CampusUser user, @PathVariable String id) {
		operations.recallDelegation(id, user.personId(), TaskOperations.Note.NONE);
	}

	/**
	 * The actor's task after adding a signer: the same task, or the one that replaced it when a parallel signer
	 * turned a one-person node into a multi-person node.
	 */
	record SignerAdded(String taskId) {
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/signers")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	SignerAdded addSigner(@AuthenticationPrincipal CampusUser user, @PathVariable String id, @Valid @RequestBody SignerRequest body) {
		return new SignerAdded(operations.addSigner(id, user.personId(), person(body.personId(), body.username()),
				body.position(), new TaskOperations.Note(body.comment(), body.attachments())));
	}

	/** @param personId the person's id, or their account name */
	@DeleteMapping("/api/v1/workflow/tasks/{id}/signers/{personId}")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeSigner(@AuthenticationPrincipal CampusUser user, @PathVariable String id, @PathVariable String personId) {
		UUID person;
		try {
			person = UUID.fromString(personId);
		}
		catch (IllegalArgumentException ex) {
			person = person(null, personId);
		}
		operations.removeSigner(id, user.personId(), person, TaskOperations.Note.NONE);
	}

	@PostMapping("/api/v1/workflow/tasks/{id}/urge")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void urge(@AuthenticationPrincipal CampusUser user, @PathVariable String id,
			@Valid @RequestBody(required = false) NoteRequest body) {
		operations.urge(id, user.personId(), NoteRequest.of(body));
	}

	/** Approves each task in its own transaction; the result reports every item. */
	@PostMapping("/api/v1/workflow/tasks/batch-approval")
	@PreAuthorize("hasAuthority('workflow:task:read')")
	BatchResult batchApprove(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody BatchApprovalRequest body) {
		List<BatchItem> items = new ArrayList<>();
		for (String taskId : body.taskIds().stream().distinct().toList()) {
			try {
				InstanceSummary instance = runtime.approve(taskId, user.personId(),
						new InstanceRuntime.Decision(body.comment(), null, null, null));
				items.add(new BatchItem(taskId, 200, null, instance));
			}
			catch (PlatformException ex) {
				items.add(new BatchItem(taskId, ex.status().value(), ex.errorCode(), null));
			}
		}
		int approved = (int) items.stream().filter(i -> i.status() == 200).count();
		return new BatchResult(approved, items.size() - approved, items);
	}
}
