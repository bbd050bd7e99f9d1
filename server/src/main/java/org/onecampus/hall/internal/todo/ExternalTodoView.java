package org.onecampus.hall.internal.todo;

import java.time.Instant;
import java.util.Map;

/**
 * A pushed to-do as its system sees it (the assignee as the system named them, never our person id).
 */
record ExternalTodoView(String sourceSystem, String externalId, Map<String, String> title, String assignee,
		String applicantName, String category, String priority, String deepLink, String openUrl, Instant dueAt,
		Instant createdAt, String status, Instant completedAt, Instant updatedAt) {

	static ExternalTodoView of(ExternalTodo todo) {
		return new ExternalTodoView(todo.sourceSystem(), todo.externalId(), todo.titles(), todo.assigneeRef(),
				todo.applicantName(), todo.category(), todo.priority(), todo.deepLink(), todo.openUrl(), todo.dueAt(),
				todo.createdAt(), todo.status(), todo.completedAt(), todo.updatedAt());
	}
}
