/**
 * Process definitions: a draft (simple model or raw BPMN) and published versions that never change.
 * Publishing compiles the draft to BPMN, validates it (Flowable's validator and our node
 * configuration checks, problems per node) and deploys it; running instances stay on their version.
 */
package org.onecampus.workflow.internal.processes;
