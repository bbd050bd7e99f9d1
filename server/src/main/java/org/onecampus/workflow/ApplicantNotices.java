package org.onecampus.workflow;

import java.util.UUID;

/**
 * Implemented by a module that tells applicants about some instances itself (the service hall, for the
 * instances behind its applications, with links to the application): workflow then sends no notice of its own
 * when such an instance is returned to the applicant or ends, so the applicant gets one message, not two.
 */
public interface ApplicantNotices {

	/** @return whether this module notifies the applicant of the instance */
	boolean notifiesApplicantOf(UUID instanceId);
}
