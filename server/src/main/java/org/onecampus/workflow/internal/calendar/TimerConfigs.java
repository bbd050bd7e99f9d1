package org.onecampus.workflow.internal.calendar;

import java.util.List;
import java.util.Set;

import org.onecampus.kernel.error.PlatformException.FieldProblem;

import tools.jackson.databind.JsonNode;

/** Checks the {@code timer} of a node config when a process is published. */
public final class TimerConfigs {

	private static final Set<String> ACTIONS = Set.of("AUTO_APPROVE", "AUTO_REJECT", "ESCALATE");

	private TimerConfigs() {
	}

	/** Adds a problem for each unreadable duration, unknown deadline action, or action without a deadline. */
	public static void check(String nodeId, JsonNode timer, List<FieldProblem> problems) {
		if (timer == null || timer.isMissingNode() || timer.isNull()) {
			return;
		}
		if (!timer.isObject()) {
			problems.add(new FieldProblem(nodeId, "workflow.model.timer"));
			return;
		}
		for (String field : List.of("remindAfter", "remindEvery", "deadline")) {
			JsonNode value = timer.get(field);
			if (value != null && !value.isNull()) {
				try {
					BusinessCalendar.parseDuration(value.asString(""));
				}
				catch (IllegalArgumentException ex) {
					problems.add(new FieldProblem(nodeId, "workflow.model.timer-duration", field));
				}
			}
		}
		JsonNode action = timer.get("onDeadline");
		if (action != null && !action.isNull()) {
			if (!ACTIONS.contains(action.asString(""))) {
				problems.add(new FieldProblem(nodeId, "workflow.model.timer-action", action.asString("")));
			}
			else if (timer.path("deadline").asString("").isBlank()) {
				problems.add(new FieldProblem(nodeId, "workflow.model.timer-deadline-missing"));
			}
		}
	}
}
