package org.onecampus.workflow.internal.tasks;

import java.util.Map;
import java.util.UUID;

/**
 * An open task now waits for another person (transfer, delegation, a signer added before or after, a
 * delegate handing back). Unlike {@link org.onecampus.workflow.TaskCreated} the task itself is not new,
 * so each hand-over carries its own id for the notification's idempotency key.
 */
public record TaskHandedOver(UUID handOverId, UUID instanceId, String processKey, String taskId, String nodeId,
		Map<String, String> nodeName, UUID personId) {

	static TaskHandedOver of(InstanceRecord instance, TaskRecord task, Map<String, String> nodeName, UUID person) {
		return new TaskHandedOver(UUID.randomUUID(), instance.id(), instance.processKey(), task.id(), task.nodeId(),
				nodeName, person);
	}
}
