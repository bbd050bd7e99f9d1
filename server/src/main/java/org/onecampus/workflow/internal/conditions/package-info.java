/**
 * Branch conditions of processes. {@link org.onecampus.workflow.internal.conditions.ConditionEvaluator}
 * is what the engine calls; it evaluates the forms' expression language
 * ({@link org.onecampus.workflow.FormExpressions}) on the instance's form data and the applicant.
 */
package org.onecampus.workflow.internal.conditions;
