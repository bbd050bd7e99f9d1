package org.onecampus.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's workflow lists for the to-do centre: open and finished tasks, instances copied to them
 * and instances they started, filtered and newest first.
 */
public interface TaskInbox {

	/**
	 * The first {@code limit} items of the person's list that pass the filter, newest first (todo and cc
	 * by creation, done by completion, mine by start).
	 * @param filter not null; use {@link Filter#NONE} for everything
	 * @return never null
	 */
	List<Item> items(UUID personId, Scope scope, Filter filter, int limit);

	/** @return how many items of the person's list pass the filter */
	long count(UUID personId, Scope scope, Filter filter);

	/** @return the processes that appear in any of the person's lists (for a filter), keyed by process key */
	Map<String, Map<String, String>> processes(UUID personId);

	/** Which list: 待办, 已办, 抄送我的, 我发起的. */
	enum Scope {
		TODO, DONE, CC, MINE
	}

	/**
	 * @param processKey only this process; may be null
	 * @param from only items at or after this time; may be null
	 * @param to only items before this time; may be null
	 * @param keyword part of the process name (zh or en) or of the applicant's name; may be null
	 */
	record Filter(String processKey, Instant from, Instant to, String keyword) {

		public static final Filter NONE = new Filter(null, null, null, null);
	}

	/**
	 * @param taskId null for CC and MINE items
	 * @param nodeId the task's node; for MINE the first current node, null when the instance ended
	 * @param at the time the list is ordered by
	 * @param status the task's status (OPEN, DONE) or null for CC and MINE items
	 * @param outcome the task's outcome; may be null
	 */
	record Item(String taskId, UUID instanceId, String processKey, Map<String, String> processName, String nodeId,
			Map<String, String> nodeName, UUID applicantId, String applicantName, String status, String outcome,
			String instanceStatus, Instant createdAt, Instant endedAt, Instant at) {
	}
}
