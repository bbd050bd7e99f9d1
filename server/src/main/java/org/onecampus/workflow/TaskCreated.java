package org.onecampus.workflow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A node of an instance was reached and tasks were created for its handlers.
 * @param taskIds one per assignee, in the same order as {@code assigneeIds}
 * @param nodeName localized names ({@code zh-CN}, {@code en-US})
 */
public record TaskCreated(UUID instanceId, String processKey, String nodeId, Map<String, String> nodeName,
		List<String> taskIds, List<UUID> assigneeIds) {

	public TaskCreated {
		nodeName = Map.copyOf(nodeName);
		taskIds = List.copyOf(taskIds);
		assigneeIds = List.copyOf(assigneeIds);
	}
}
