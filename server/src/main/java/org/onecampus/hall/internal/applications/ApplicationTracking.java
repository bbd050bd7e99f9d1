package org.onecampus.hall.internal.applications;

import org.onecampus.workflow.InstanceTracking;
import org.onecampus.workflow.ProcessInstanceEnded;
import org.onecampus.workflow.ProcessInstanceResumed;
import org.onecampus.workflow.ProcessInstanceReturned;
import org.onecampus.workflow.ProcessInstanceSuspended;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the status of hall applications in step with their workflow instances: returned to the applicant
 * (counted for the one-time completion rate), suspended and resumed by an administrator, and ended. Instances
 * not started from the hall are ignored.
 */
@Component
class ApplicationTracking {

	private final Applications applications;

	private final ApplicationService service;

	private final InstanceTracking tracking;

	ApplicationTracking(Applications applications, ApplicationService service, InstanceTracking tracking) {
		this.applications = applications;
		this.service = service;
		this.tracking = tracking;
	}

	@ApplicationModuleListener
	void on(ProcessInstanceReturned event) {
		applications.byInstance(event.instanceId())
			// a resubmission may have come first (it counts the return itself)
			.filter(a -> tracking.progress(a.instanceId()).map(p -> "RETURNED".equals(p.status())).orElse(false))
			.ifPresent(a -> service.returned(a, event.comment()));
	}

	/** Events run after commit and in any order: the workflow's status now decides whether a change still holds. */
	@ApplicationModuleListener
	void on(ProcessInstanceSuspended event) {
		applications.byInstance(event.instanceId())
			.filter(a -> tracking.progress(a.instanceId()).map(p -> "SUSPENDED".equals(p.status())).orElse(false))
			.ifPresent(a -> service.suspended(a, event.actorId(), event.reason(), event.at()));
	}

	@ApplicationModuleListener
	void on(ProcessInstanceResumed event) {
		applications.byInstance(event.instanceId())
			.filter(a -> tracking.progress(a.instanceId()).map(p -> !"SUSPENDED".equals(p.status())).orElse(false))
			.ifPresent(a -> service.resumed(a, event.actorId(), event.reason(), event.at()));
	}

	@ApplicationModuleListener
	void on(ProcessInstanceEnded event) {
		applications.byInstance(event.instanceId()).ifPresent(a -> service.ended(a, event.outcome()));
	}
}
