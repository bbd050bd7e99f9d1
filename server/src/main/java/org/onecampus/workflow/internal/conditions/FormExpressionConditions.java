package org.onecampus.workflow.internal.conditions;

import java.util.Map;

import org.onecampus.workflow.FormExpressions;
import org.onecampus.workflow.FormExpressions.SyntaxException;

import org.springframework.stereotype.Component;

/**
 * Branch conditions in the same expression language as the forms' computed fields and
 * visibleWhen/requiredWhen rules, so a designer writes one language everywhere.
 */
@Component
class FormExpressionConditions implements ConditionEvaluator {

	@Override
	public String syntaxError(String expression) {
		try {
			FormExpressions.parse(expression);
			return null;
		}
		catch (SyntaxException ex) {
			return ex.getMessage() + " (position " + ex.position() + ")";
		}
	}

	@Override
	public boolean test(String expression, Map<String, Object> variables) {
		try {
			return FormExpressions.truthy(FormExpressions.evaluate(expression, variables));
		}
		catch (SyntaxException ex) {
			// Published models were checked; a bad condition never picks its branch.
			return false;
		}
	}
}
