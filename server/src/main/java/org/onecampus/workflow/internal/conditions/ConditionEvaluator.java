package org.onecampus.workflow.internal.conditions;

import java.util.Map;

/** Evaluates branch conditions (the form expression language) against an instance's form data. */
public interface ConditionEvaluator {

	/** @return a description of the first syntax error with its position, or null when the expression parses */
	String syntaxError(String expression);

	/**
	 * @param variables form data by field key plus {@code applicant.*}; not null
	 * @return whether the condition holds; runtime type errors and null results count as false
	 */
	boolean test(String expression, Map<String, Object> variables);
}
