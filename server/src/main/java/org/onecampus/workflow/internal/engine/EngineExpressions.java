package org.onecampus.workflow.internal.engine;

import java.util.List;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.delegate.DelegateExecution;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The bean the prepared BPMN calls ({@code ${onecampusNodes.approvers(execution, 'n1')}} …): finds
 * the node's {@code onecampus:config} in the deployed model and hands over to {@link NodeHooks}.
 */
@Component(BpmnPreparation.BEAN)
public class EngineExpressions {

	private final ObjectProvider<RepositoryService> repository;

	private final ObjectProvider<NodeHooks> hooks;

	EngineExpressions(ObjectProvider<RepositoryService> repository, ObjectProvider<NodeHooks> hooks) {
		this.repository = repository;
		this.hooks = hooks;
	}

	/**
	 * The engine evaluates a multi-instance node's collection more than once while it creates the node
	 * (the number of instances, then each instance's element), all in one engine command: the hooks resolve
	 * the node's approvers (with their reads and trail entries) once per command.
	 */
	@SuppressWarnings("unchecked")
	public List<String> approvers(DelegateExecution execution, String nodeId) {
		CommandContext command = Context.getCommandContext();
		if (command == null) {
			return hooks.getObject().approvers(context(execution, nodeId, "config"));
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
