package org.onecampus.identity.internal.people;

import java.time.LocalDate;

import org.springframework.context.ApplicationContext;

/** Runs the nightly affiliation lifecycle from tests outside this package. */
public final class LifecycleRuns {

	private LifecycleRuns() {
	}

	/** Runs the lifecycle as the scheduler would on {@code today}. */
	public static void runFor(ApplicationContext context, LocalDate today) {
		context.getBean(AffiliationLifecycle.class).runFor(today);
	}
}
