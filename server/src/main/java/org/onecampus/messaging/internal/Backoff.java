package org.onecampus.messaging.internal;

import java.time.Duration;

/** Exponential backoff: the initial wait after the first failure, doubled each time, capped. */
record Backoff(Duration initial, Duration max) {

	/** @param failedAttempts attempts made so far, 1 or more */
	Duration after(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
		long millis = initial.toMillis() << doublings;
		return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
	}
}
