/**
 * The adapter to the embedded Flowable engine: the only package of OneCampus that imports
 * {@code org.flowable.*}. It turns the BPMN our designers produce into what the engine runs (user
 * tasks as multi-instance tasks whose approvers are resolved when the node is reached, exclusive
 * gateway conditions and CC steps evaluated by {@link org.onecampus.workflow.internal.engine.NodeHooks}),
 * deploys it, and offers plain service methods (start, complete, move activities, add or remove
 * multi-instance executions, assign, suspend, history) to the rest of the workflow module.
 */
package org.onecampus.workflow.internal.engine;
