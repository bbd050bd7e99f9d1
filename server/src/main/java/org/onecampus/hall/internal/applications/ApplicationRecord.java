package org.onecampus.hall.internal.applications;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code hall_application}. */
record ApplicationRecord(UUID id, String serviceCode, UUID applicantId, UUID instanceId, UUID ownerOrgUnitId,
		boolean crossDepartment, String status, int returnCount, Instant submittedAt, Instant endedAt) {

	static final String RUNNING = "RUNNING";

	static final String RETURNED = "RETURNED";

	static final String APPROVED = "APPROVED";

	boolean ended() {
		return endedAt != null;
	}
}
