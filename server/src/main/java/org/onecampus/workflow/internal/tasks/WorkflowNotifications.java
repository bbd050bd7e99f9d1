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
		String process = processName(event.processKey());
		messaging.send(new SendMessage("module:workflow", taskKey(event.taskIds()), "todo",
				new SendMessage.Recipients(usernames, null, false, null, null, null), "todo-assigned",
				Map.of("task", process + " · " + event.nodeName().getOrDefault("zh-CN", event.nodeId())), null, null, null));
	}

	/** The process's name (zh-CN) as its newest version has it, or its key. */
	private String processName(String processKey) {
		return versions.latestName(processKey).map(names -> names.getOrDefault("zh-CN", processKey)).orElse(processKey);
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
			String process = processName(event.processKey());
			messaging.send(new SendMessage("module:workflow", "workflow-handover:" + event.handOverId(), "todo",
					SendMessage.Recipients.persons(username), "todo-assigned",
					Map.of("task", process + " · " + event.nodeName().getOrDefault("zh-CN", event.nodeId())), null, null, null));
		});
	}

	@ApplicationModuleListener
	void on(ProcessInstanceEnded event) {
		if (otherNotices.stream().anyMatch(notices -> notices.notifiesApplicantOf(event.instanceId()))) {
			return;
		}
		directory.contact(event.applicantId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			String process = processName(event.processKey());
			String outcome = switch (event.outcome()) {
				case "APPROVED" -> "已通过";
				case "REJECTED" -> "未通过";
				case "WITHDRAWN" -> "已撤回";
				default -> "已终止";
			};
			messaging.send(new SendMessage("module:workflow", "workflow-ended:" + event.instanceId(), "result",
					SendMessage.Recipients.persons(username), null, null, "您的申请「" + process + "」" + outcome,
					"您提交的「" + process + "」" + outcome + "。可在“我的申请”中查看办理过程。", null));
		});
	}
}
