package org.onecampus.workflow.internal.engine;

import java.util.List;

/**
 * What the engine asks the workflow module while an instance runs. Implemented outside this package
 * so that approver rules, conditions and CC recipients never see Flowable types.
 */
public interface NodeHooks {

	/**
	 * Resolves the approvers of a user task when the instance reaches it.
	 * @return person ids (as strings) in the order they act; empty to skip the node
	 */
	List<String> approvers(NodeContext node);

	/**
	 * Evaluates the {@code onecampus:condition} of a flow out of an exclusive gateway; the context's
	 * {@code nodeId} is the flow's id (the condition itself is kept with the published version).
	 */
	boolean condition(NodeContext flow);

	/** Records the CC recipients of a CC step. */
	void carbonCopy(NodeContext node);

	/**
	 * Where an instance is.
	 * @param instanceId our instance id (the engine's business key)
	 * @param engineInstanceId Flowable's process instance id
	 * @param nodeId the node (or flow, for conditions) id
	 * @param config the node's {@code onecampus:config} JSON; "{}" when absent
	 */
	record NodeContext(String instanceId, String engineInstanceId, String nodeId, String config) {
	}
}
