package org.onecampus.hall.internal.todo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A to-do a campus system pushed.
 *
 * @param sourceSystem the pushing client's id (its app code)
 * @param assigneeRef how the system named the assignee ({@code username:x}, {@code identifier:x} or {@code person:x})
 * @param titleEn may be null
 * @param applicantName may be null
 * @param category may be null
 * @param openUrl where a signed-in browser goes to open the deep link through single sign-on
 * @param dueAt may be null
 * @param status OPEN or DONE
 * @param completedAt null while open
 */
record ExternalTodo(UUID id, String sourceSystem, String externalId, UUID assigneeId, String assigneeRef, String title,
		String titleEn, String applicantName, String category, String priority, String deepLink, String openUrl,
		Instant dueAt, Instant createdAt, String status, Instant completedAt, Instant pushedAt, Instant updatedAt) {

	static final String OPEN = "OPEN";

	static final String DONE = "DONE";

	Map<String, String> titles() {
		Map<String, String> titles = new LinkedHashMap<>();
		titles.put("zh-CN", title);
		titles.put("en-US", titleEn == null ? title : titleEn);
		return titles;
	}

	/** Whether a push with these values would change nothing a person sees. */
	boolean sameAs(ExternalTodo other) {
		return assigneeId.equals(other.assigneeId) && assigneeRef.equals(other.assigneeRef) && title.equals(other.title)
				&& java.util.Objects.equals(titleEn, other.titleEn)
				&& java.util.Objects.equals(applicantName, other.applicantName)
				&& java.util.Objects.equals(category, other.category) && priority.equals(other.priority)
				&& deepLink.equals(other.deepLink) && openUrl.equals(other.openUrl)
				&& java.util.Objects.equals(dueAt, other.dueAt) && createdAt.equals(other.createdAt);
	}
}
