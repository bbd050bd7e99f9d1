package org.onecampus.hall.internal.applications;

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

	/** @param status APPROVED, REJECTED, WITHDRAWN or TERMINATED */
	record Ended(UUID applicationId, String status) {
	}
}
