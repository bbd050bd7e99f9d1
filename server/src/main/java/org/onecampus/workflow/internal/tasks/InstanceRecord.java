package org.onecampus.workflow.internal.tasks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of {@code workflow_instance}. */
record InstanceRecord(UUID id, String processKey, int version, String engineInstanceId, UUID applicantId, String status,
		Map<String, Object> formData, Instant startedAt, Instant endedAt) {

	boolean active() {
		return "RUNNING".equals(status) || "SUSPENDED".equals(status);
	}
}
