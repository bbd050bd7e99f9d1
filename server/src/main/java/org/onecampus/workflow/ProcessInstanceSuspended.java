package org.onecampus.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A process administrator suspended (挂起) a running instance: nobody can act on it until it is resumed.
 * @param actorId the administrator
 * @param reason why it is on hold, as they gave it
 * @param at when it was suspended (tells one suspension of an instance from the next)
 */
public record ProcessInstanceSuspended(UUID instanceId, String processKey, UUID applicantId, UUID actorId, String reason,
		Instant at) {
}
