package org.onecampus.workflow.internal.tasks;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code workflow_task}. */
record TaskRecord(String id, UUID instanceId, String nodeId, String nodeType, UUID assigneeId, String status,
		String outcome, Instant createdAt, Instant endedAt) {
}
