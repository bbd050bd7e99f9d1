package org.onecampus.workflow.internal.tasks;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.workflow.ApplicantNotices;
import org.onecampus.workflow.internal.processes.ProcessVersion;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant that their instance was returned to them, unless a module that claims the instance does
 * ({@link ApplicantNotices}): the messaging template {@value #TEMPLATE} (zh-CN and en-US, rendered in the
 * recipient's language as the other workflow notices are), with one idempotency key per return — the instance and
 * the task the return closed — so a retried delivery of the same return sends nothing twice.
 */
@Component
class ReturnNotices {

	static final String TEMPLATE = "workflow-returned";

	private final Messaging messaging;

	private final PersonDirectory directory;

	private final ObjectProvider<ApplicantNotices> otherNotices;

	ReturnNotices(Messaging messaging, PersonDirectory directory, ObjectProvider<ApplicantNotices> otherNotices) {
		this.messaging = messaging;
		this.directory = directory;
		this.otherNotices = otherNotices;
	}

	/** The idempotency key of the notice of one return: the instance and the task the return closed. */
	static String key(UUID instanceId, String returnedTaskId) {
		return TEMPLATE + ":" + instanceId + ":" + returnedTaskId;
	}

	/**
	 * @param returnedTaskId the task whose handler returned the instance to the applicant
	 */
	void returned(InstanceRecord instance, ProcessVersion version, String returnedTaskId) {
		if (otherNotices.stream().anyMatch(notices -> notices.notifiesApplicantOf(instance.id()))) {
			return;
		}
		Map<String, String> names = NoticeNames.both(version.name(), instance.processKey());
		String process = names.get("zh-CN");
		String processEn = names.get("en-US");
		directory.contact(instance.applicantId()).map(PersonDirectory.Contact::username).filter(Objects::nonNull)
			.ifPresent(username -> messaging.send(new SendMessage("module:workflow", key(instance.id(), returnedTaskId),
					"result", SendMessage.Recipients.persons(username), TEMPLATE,
					Map.of("process", process, "processEn", processEn), null, null, null)));
	}
}
