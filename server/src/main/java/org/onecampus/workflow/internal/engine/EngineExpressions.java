package org.onecampus.workflow.internal.engine;

import java.util.List;
import java.util.Map;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The bean the prepared BPMN calls ({@code ${onecampusNodes.approvers(execution, 'n1')}} …): finds
 * the node's {@code onecampus:config} in the deployed model and hands over to {@link NodeHooks}.
 */
@Component(BpmnPreparation.BEAN)
public class EngineExpressions {

	/** Local variable of a multi-instance node's root execution: the approvers resolved when the node was created. */
	static final String RESOLVED_APPROVERS = "onecampusApprovers";

	private final ObjectProvider<RepositoryService> repository;

	private final ObjectProvider<NodeHooks> hooks;

	EngineExpressions(ObjectProvider<RepositoryService> repository, ObjectProvider<NodeHooks> hooks) {
		this.repository = repository;
		this.hooks = hooks;
	}

	/**
	 * The approvers of a node. The engine evaluates a multi-instance node's collection more than once: while
	 * it creates the node (the number of instances, then each instance's element, all in one engine command),
	 * again whenever one person completes (parallel nodes ask whether the collection is empty), and for
	 * the next person of a sequential node. The hooks resolve the approvers (with their reads and trail
	 * entries) only when the node is created, once per command; the list is kept on the node's root
	 * execution, where the later calls read it. Re-resolving on completion would cost the rule's reads on
	 * every approval, and when the rule resolved to nobody by then (the position's holder left meanwhile)
	 * Flowable would take the node as empty and leave it without the other approvals, with a wrong
	 * "no approver" entry in the trail.
	 */
	public List<String> approvers(DelegateExecution execution, String nodeId) {
		if (execution instanceof ExecutionEntity entity && !entity.isMultiInstanceRoot()
				&& entity.getParent() != null && entity.getParent().isMultiInstanceRoot()) {
			Object resolved = entity.getParent().getVariableLocal(RESOLVED_APPROVERS);
			if (resolved instanceof String joined && !joined.isEmpty()) {
				return List.of(joined.split(","));
			}
			// a node created before the list was kept: resolve as then
		}
		List<String> resolved = resolve(execution, nodeId);
		if (!resolved.isEmpty() && execution instanceof ExecutionEntity entity && entity.isMultiInstanceRoot()
				&& entity.getVariableLocal(RESOLVED_APPROVERS) == null) {
			entity.setVariableLocal(RESOLVED_APPROVERS, String.join(",", resolved));
		}
		return resolved;
	}

	/** Whether the node has exactly one approver: the route to its plain user task (see {@link BpmnPreparation#forEngine}). */
	public boolean single(DelegateExecution execution, String nodeId) {
		return resolve(execution, nodeId).size() == 1;
	}

	/** The one approver of a node routed to its plain user task. */
	public String approver(DelegateExecution execution, String nodeId) {
		List<String> resolved = resolve(execution, nodeId);
		if (resolved.size() != 1) {
			throw new IllegalStateException("node " + nodeId + " has " + resolved.size() + " approvers, not one");
		}
		return resolved.get(0);
	}

	/**
	 * Runs an engine call in which the node's approvers are {@code personIds} instead of what its rule
	 * resolves to: a plain node moved to its multi-instance twin when a parallel signer is added.
	 */
	static void withApprovers(String nodeId, List<String> personIds, Runnable engineCall) {
		OVERRIDES.set(Map.of(nodeId, List.copyOf(personIds)));
		try {
			engineCall.run();
		}
		finally {
			OVERRIDES.remove();
		}
	}

	private static final ThreadLocal<Map<String, List<String>>> OVERRIDES = new ThreadLocal<>();

	/**
	 * The node's approvers as the instance would find them arriving there now, resolved by the hooks once per
	 * engine command.
	 */
	@SuppressWarnings("unchecked")
	List<String> resolve(DelegateExecution execution, String nodeId) {
		Map<String, List<String>> overrides = OVERRIDES.get();
		if (overrides != null && overrides.containsKey(nodeId)) {
			return overrides.get(nodeId);
		}
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return List.copyOf(hooks.getObject().approvers(context(execution, nodeId, "config")));
		}
		String key = "onecampus.approvers:" + execution.getProcessInstanceId() + "/" + nodeId;
		List<String> resolved = (List<String>) command.getAttribute(key);
		if (resolved == null) {
			resolved = List.copyOf(hooks.getObject().approvers(context(execution, nodeId, "config")));
			command.addAttribute(key, resolved);
		}
		return resolved;
	}

	public boolean condition(DelegateExecution execution, String flowId) {
		return hooks.getObject().condition(context(execution, flowId, "condition"));
	}

	public void carbonCopy(DelegateExecution execution, String nodeId) {
		hooks.getObject().carbonCopy(context(execution, nodeId, "config"));
	}

	private NodeHooks.NodeContext context(DelegateExecution execution, String elementId, String attribute) {
		BpmnModel model = repository.getObject().getBpmnModel(execution.getProcessDefinitionId());
		FlowElement element = model.getFlowElement(elementId);
		String value = element == null ? null : element.getAttributeValue(BpmnPreparation.NAMESPACE, attribute);
		if (value == null && "config".equals(attribute)) {
			value = "{}";
		}
		return new NodeHooks.NodeContext(execution.getProcessInstanceBusinessKey(), execution.getProcessInstanceId(),
				elementId, value);
	}
}
