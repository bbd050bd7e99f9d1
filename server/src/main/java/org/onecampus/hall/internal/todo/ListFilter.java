package org.onecampus.hall.internal.todo;

import java.time.Instant;

/**
 * The to-do centre's filters; every part may be null (no restriction).
 *
 * @param sourceSystem {@code workflow} for workflow items only, or a system's client id for its to-dos only
 * @param processKey workflow items of this process only
 * @param category pushed to-dos of this category only
 * @param from at or after
 * @param to before
 * @param keyword part of the title or the applicant's name
 */
record ListFilter(String sourceSystem, String processKey, String category, Instant from, Instant to, String keyword) {

	static final String WORKFLOW = "workflow";

	boolean includesWorkflow() {
		return (sourceSystem == null || WORKFLOW.equals(sourceSystem)) && category == null;
	}

	boolean includesExternal() {
		return !WORKFLOW.equals(sourceSystem) && processKey == null;
	}
}
