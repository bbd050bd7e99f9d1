package org.onecampus.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A process administrator resumed (恢复) a suspended instance: it runs on from where it was held.
 * @param actorId the administrator
 * @param reason their reason, as they gave it
 * @param at when it was resumed
 */
public record ProcessInstanceResumed(UUID instanceId, String processKey, UUID applicantId, UUID actorId, String reason,
		Instant at) {
}
