package org.onecampus.workflow.internal.tasks;

import java.util.List;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.workflow.internal.processes.ProcessVersions;
import org.onecampus.workflow.internal.tasks.TaskTimers.TaskEscalated;
import org.onecampus.workflow.internal.tasks.TaskTimers.TaskReminder;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends the timer reminders of open tasks to their assignees, and the escalated tasks to their new
 * assignees, through messaging (to-do category).
 */
@Component
class TimerNotifications {

	private final Messaging messaging;

	private final PersonDirectory directory;

	private final ProcessVersions versions;

	TimerNotifications(Messaging messaging, PersonDirectory directory, ProcessVersions versions) {
		this.messaging = messaging;
		this.directory = directory;
		this.versions = versions;
	}

	@ApplicationModuleListener
	void on(TaskReminder reminder) {
		directory.contact(reminder.assigneeId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			String process = versions.latest(reminder.processKey())
				.map(v -> v.name().getOrDefault("zh-CN", reminder.processKey())).orElse(reminder.processKey());
			String task = process + " · " + reminder.nodeName().getOrDefault("zh-CN", "");
			messaging.send(new SendMessage("module:workflow", "workflow-remind:" + reminder.taskId() + ":" + reminder.round(),
					"todo", SendMessage.Recipients.persons(username), null, null, "待办提醒：" + task,
					"您的待办事项「" + task + "」尚未处理（第 " + reminder.round() + " 次提醒），请及时办理。", List.of()));
		});
	}

	@ApplicationModuleListener
	void on(TaskEscalated escalated) {
		directory.contact(escalated.assigneeId()).map(PersonDirectory.Contact::username).ifPresent(username -> {
			String process = versions.latest(escalated.processKey())
				.map(v -> v.name().getOrDefault("zh-CN", escalated.processKey())).orElse(escalated.processKey());
			String task = process + " · " + escalated.nodeName().getOrDefault("zh-CN", "");
			messaging.send(new SendMessage("module:workflow", "workflow-escalated:" + escalated.taskId() + ":" + username,
					"todo", SendMessage.Recipients.persons(username), null, null, "超时转交待办：" + task,
					"待办事项「" + task + "」超过办理期限未处理，已转交给您，请及时办理。", List.of()));
		});
	}
}
