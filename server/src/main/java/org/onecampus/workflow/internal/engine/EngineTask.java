package org.onecampus.workflow.internal.engine;

import java.time.Instant;

/**
 * An open user task in the engine.
 * @param assignee person id as a string; null when unassigned
 * @param executionId the execution of the task (one per person on a multi-instance node)
 */
public record EngineTask(String id, String nodeId, String assignee, String executionId, Instant createdAt) {
}
