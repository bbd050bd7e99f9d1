package org.onecampus.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's affiliation was created or changed its state (an administrator suspended it, it
 * expired, the student graduated, an alumnus affiliation began). Other modules narrow or widen
 * access on it; published through the event publication registry, so none is lost.
 *
 * @param personId the person
 * @param affiliationId the affiliation
 * @param type the affiliation type, such as {@code UNDERGRADUATE} or {@code CONTRACTOR}
 * @param previousStatus the status before; null when the affiliation was just created
 * @param status the status now: {@code ACTIVE}, {@code SUSPENDED}, {@code LEFT}, {@code GRADUATED} or {@code EXPIRED}
 * @param at when
 */
public record PersonAffiliationChanged(UUID personId, UUID affiliationId, String type, String previousStatus,
		String status, Instant at) {
}
