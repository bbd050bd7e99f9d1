package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.workflow.ApplicantNotices;
import org.onecampus.workflow.ProcessInstanceEnded;
import org.onecampus.workflow.TaskCreated;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells approvers about a new task and applicants about the end of their instance, through messaging,
 * after the action committed (the event publication registry retries a failed send).
 */
@Component
class WorkflowNotifications {

	private final Messaging messaging;

	private final PersonDirectory directory;

	private final ProcessVersions versions;

	private final ObjectProvider<ApplicantNotices> otherNotices;

	WorkflowNotifications(Messaging messaging, PersonDirectory directory, ProcessVersions versions,
			ObjectProvider<ApplicantNotices> otherNotices) {
		this.messaging = messaging;
		this.directory = directory;
		this.versions = versions;
		this.otherNotices = otherNotices;
	}

	@ApplicationModuleListener
	void on(TaskCreated event) {
		List<String> usernames = directory.contacts(event.assigneeIds()).stream().map(PersonDirectory.Contact::username)
			.filter(Objects::nonNull).toList();
		if (usernames.isEmpty()) {
			return;
		}
		messaging.send(new SendMessage("module:workflow", taskKey(event.taskIds()), "todo",
				new SendMessage.Recipients(usernames, null, false, null, null, null), "todo-assigned",
				taskVariables(event.processKey(), event.nodeId(), event.nodeName()), null, null, null));
	}

	/** The process's name in zh-CN and en-US as its newest version has it (a missing name: the other, or the key). */
	private Map<String, String> processNames(String processKey) {
		return NoticeNames.both(versions.latestName(processKey).orElse(Map.of()), processKey);
	}

	/** {@code task} and {@code taskEn} of the to-do notice. */
	private Map<String, String> taskVariables(String processKey, String nodeId, Map<String, String> nodeName) {
		return NoticeNames.task(processNames(processKey), nodeName, nodeId);
	}

	/**
	 * The idempotency key of the notice of new tasks: their ids, or for a node with many approvers (whose ids would
	 * pass messaging's 128 characters) a SHA-256 digest of them — the same tasks always give the same key.
	 */
	static String taskKey(List<String> taskIds) {
		String ids = String.join(",", taskIds);
		if (ids.length() <= 100) {
			return "workflow-task:" + ids;
		}
		try {
			return "workflow-tasks:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(ids.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A task handed to another person (transfer, delegation, signers): tell that person. */
	@ApplicationModuleListener
	void on(TaskHandedOver event) {
		directory.contact(event.personId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			messaging.send(new SendMessage("module:workflow", "workflow-handover:" + event.handOverId(), "todo",
					SendMessage.Recipients.persons(username), "todo-assigned",
					taskVariables(event.processKey(), event.nodeId(), event.nodeName()), null, null, null));
		});
	}

	@ApplicationModuleListener
	void on(ProcessInstanceEnded event) {
		if (otherNotices.stream().anyMatch(notices -> notices.notifiesApplicantOf(event.instanceId()))) {
			return;
		}
		directory.contact(event.applicantId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			Map<String, String> process = processNames(event.processKey());
			Map<String, String> outcome = switch (event.outcome()) {
				case "APPROVED" -> Map.of("outcome", "已通过", "outcomeEn", "was approved");
				case "REJECTED" -> Map.of("outcome", "未通过", "outcomeEn", "was not approved");
				case "WITHDRAWN" -> Map.of("outcome", "已撤回", "outcomeEn", "was withdrawn");
				default -> Map.of("outcome", "已终止", "outcomeEn", "was terminated");
			};
			Map<String, String> variables = new java.util.HashMap<>(outcome);
			variables.put("process", process.get("zh-CN"));
			variables.put("processEn", process.get("en-US"));
			messaging.send(new SendMessage("module:workflow", "workflow-ended:" + event.instanceId(), "result",
					SendMessage.Recipients.persons(username), "workflow-ended", variables, null, null, null));
		});
	}
}
