package org.onecampus.workflow;

import java.util.UUID;

/**
 * An instance ended.
 * @param outcome APPROVED, REJECTED, WITHDRAWN or TERMINATED
 */
public record ProcessInstanceEnded(UUID instanceId, String processKey, UUID applicantId, String outcome) {
}
