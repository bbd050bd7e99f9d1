package org.onecampus.hall.internal.applications;

import java.time.Instant;
import java.util.UUID;

/** What happened to a hall application, for the notices to its applicant (sent after the change committed). */
final class ApplicationEvents {

	private ApplicationEvents() {
	}

	record Submitted(UUID applicationId) {
	}

	/** @param returnCount the number of this return (1 for the first), so each return is told once */
	record Returned(UUID applicationId, int returnCount, String comment) {
	}

	/**
	 * Put on hold by a process administrator.
	 * @param at when it was suspended (one notice per suspension)
	 */
	record Suspended(UUID applicationId, UUID actorId, String reason, Instant at) {
	}

	/** Handled again after a suspension. */
	record Resumed(UUID applicationId, UUID actorId, String reason, Instant at) {
	}

	/** @param status APPROVED, REJECTED, WITHDRAWN or TERMINATED */
	record Ended(UUID applicationId, String status) {
	}
}
