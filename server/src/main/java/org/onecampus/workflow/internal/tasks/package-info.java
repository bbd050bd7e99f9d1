/**
 * Running instances and their tasks: start (idempotent), the approver rules and policies resolved
 * when a node is reached, approve / reject / withdraw, process administration, our own projection
 * of tasks (the to-do, done and CC lists) and the audit trail of every action.
 */
package org.onecampus.workflow.internal.tasks;
