package org.onecampus.hall.internal.todo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.onecampus.workflow.TaskInbox;

/**
 * One line of the to-do centre: a workflow item (task, CC or started instance) or a pushed to-do.
 *
 * @param kind {@code WORKFLOW} or {@code EXTERNAL}
 * @param id the task id, the instance id (CC and mine) or the pushed to-do's id
 * @param title the process name or the pushed to-do's title, localized
 * @param step the node; null for pushed to-dos and ended instances
 * @param source {@code workflow} or the pushing system's client id
 * @param sourceName localized name of the system; null for workflow
 * @param taskId null unless a workflow task
 * @param instanceId null for pushed to-dos
 * @param status the task's status (OPEN, DONE), the pushed to-do's status, or null
 * @param instanceStatus the workflow instance's status; null for pushed to-dos
 * @param openUrl pushed to-dos: where the browser opens the system through single sign-on
 * @param at the time the list is ordered by
 */
record TodoItem(String kind, String id, Map<String, String> title, Map<String, String> step, String source,
		Map<String, String> sourceName, String applicantName, String taskId, UUID instanceId, String processKey,
		String status, String outcome, String instanceStatus, String category, String priority, Instant dueAt,
		String openUrl, Instant createdAt, Instant endedAt, Instant at) {

	static TodoItem of(TaskInbox.Item item) {
		return new TodoItem("WORKFLOW", item.taskId() != null ? item.taskId() : item.instanceId().toString(),
				item.processName(), item.nodeName(), ListFilter.WORKFLOW, null, item.applicantName(), item.taskId(),
				item.instanceId(), item.processKey(), item.status(), item.outcome(), item.instanceStatus(), null, null,
				null, null, item.createdAt(), item.endedAt(), item.at());
	}

	static TodoItem of(ExternalTodo todo, Map<String, String> sourceName) {
		return new TodoItem("EXTERNAL", todo.id().toString(), todo.titles(), null, todo.sourceSystem(), sourceName,
				todo.applicantName(), null, null, null, todo.status(), null, null, todo.category(), todo.priority(),
				todo.dueAt(), todo.openUrl(), todo.createdAt(), todo.completedAt(),
				ExternalTodo.DONE.equals(todo.status()) ? todo.completedAt() : todo.createdAt());
	}
}
