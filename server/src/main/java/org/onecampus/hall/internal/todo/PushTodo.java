package org.onecampus.hall.internal.todo;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a campus system sends to create or change one of its to-dos. Checked by {@link PushValidation}.
 *
 * @param title {@code zh-CN} (required) and {@code en-US} (optional)
 * @param assignee exactly one of username, 学号/工号 (identifier) or person id
 * @param deepLink the page of the system where the to-do is handled
 * @param category the system's own category, such as 公文 or 报销; may be null
 * @param priority LOW, NORMAL (default), HIGH or URGENT
 * @param dueAt may be null
 * @param createdAt when the system created it; null means now
 * @param applicantName who the to-do is about, as the system shows it; may be null
 */
record PushTodo(Map<String, String> title, Assignee assignee, String deepLink, String category, String priority,
		Instant dueAt, Instant createdAt, String applicantName) {

	/** Who handles the to-do: exactly one part is given. */
	record Assignee(String username, String identifier, UUID personId) {
	}
}
