package org.onecampus.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starting processes and reading where an instance is, for other modules (the service hall).
 */
public interface Processes {

	/**
	 * Starts the latest published version of a process for an applicant.
	 * @param idempotencyKey the same key from the same applicant returns the same instance; may be null
	 * @param assignees approvers chosen by the applicant per node id; may be null
	 * @return the instance, new or the one started earlier with the key; never null
	 * @throws org.onecampus.kernel.error.PlatformException 404 for an unknown or unpublished process, 403
	 * when the applicant may not start it, 422 for invalid form data
	 */
	InstanceSummary start(String processKey, UUID applicantId, Map<String, Object> formData,
			Map<String, List<UUID>> assignees, String idempotencyKey);

	/** @return the instance's status, or empty when there is no such instance */
	Optional<InstanceSummary> instance(UUID instanceId);

	/**
	 * @param status RUNNING, SUSPENDED, APPROVED, REJECTED, WITHDRAWN or TERMINATED
	 * @param created whether this call started it (false: an earlier call with the same key did)
	 */
	record InstanceSummary(UUID id, String processKey, int version, UUID applicantId, String status,
			boolean created) {
	}
}
