package org.onecampus.hall.internal.todo;

import java.util.Map;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the assignee about a new pushed to-do through messaging (the same {@code todo-assigned}
 * template as workflow tasks), after the push committed; the event publication registry retries a
 * failed send.
 */
@Component
class ExternalTodoNotifications {

	private final Messaging messaging;

	private final PersonDirectory directory;

	ExternalTodoNotifications(Messaging messaging, PersonDirectory directory) {
		this.messaging = messaging;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(ExternalTodoAssigned event) {
		directory.contact(event.assigneeId()).map(PersonDirectory.Contact::username).ifPresent(username -> messaging
			.send(new SendMessage("module:hall", "hall-todo:" + event.todoId() + ":" + event.assigneeId() + ":" + event.at().toEpochMilli(), "todo",
					SendMessage.Recipients.persons(username), "todo-assigned",
					// the external system sends one title; the English template names the task the same way
					Map.of("task", event.systemName() + " · " + event.title(), "taskEn", event.systemName() + " · " + event.title()),
					null, null, null)));
	}
}
