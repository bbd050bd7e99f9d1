/**
 * Branch conditions of processes. {@link org.onecampus.workflow.internal.conditions.ConditionEvaluator}
 * is what the engine calls; {@link org.onecampus.workflow.internal.conditions.BasicConditionEvaluator}
 * evaluates the common subset of the form expression language until the forms' {@code FormExpressions}
 * evaluator is adapted behind the same interface.
 */
package org.onecampus.workflow.internal.conditions;
