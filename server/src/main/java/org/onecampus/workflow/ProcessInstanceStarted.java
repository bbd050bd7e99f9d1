package org.onecampus.workflow;

import java.util.UUID;

/** An applicant started an instance of a process. */
public record ProcessInstanceStarted(UUID instanceId, String processKey, int version, UUID applicantId) {
}
