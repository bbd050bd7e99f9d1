package org.onecampus.workflow;

import java.util.UUID;

/**
 * An instance was returned to its applicant (退回发起人), who may edit and resubmit it or withdraw it.
 * @param actorId the approver who returned it
 * @param comment their comment; may be null
 */
public record ProcessInstanceReturned(UUID instanceId, String processKey, UUID applicantId, String nodeId, UUID actorId,
		String comment) {
}
