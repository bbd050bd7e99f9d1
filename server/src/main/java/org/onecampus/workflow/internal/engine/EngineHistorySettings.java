package org.onecampus.workflow.internal.engine;

import java.util.Set;

import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.history.DefaultHistoryConfigurationSettings;
import org.flowable.variable.service.impl.persistence.entity.VariableInstanceEntity;

/**
 * Flowable's history (level {@code audit}) without the bookkeeping variables of multi-instance nodes.
 * Every approver node is a multi-instance user task, and the engine keeps five variables per node on
 * its own executions: {@code nrOfInstances}, {@code nrOfCompletedInstances}, {@code nrOfActiveInstances}
 * on the node's root, {@code loopCounter} and the element variable {@code assignee} on each person's
 * execution. At audit level each of them also got an {@code ACT_HI_VARINST} row, inserted, read back and
 * updated on every change: about a fifth of the engine's statements per approval, for rows nothing reads
 * (who approved what, when, with which data is in our {@code workflow_action} trail and the audit log;
 * the engine's own history of tasks and activities is kept). Runtime variables are untouched: the
 * completion conditions, 加签/减签 and migrations read those, never the history.
 *
 * Only variables of those names that live on a child execution (not on the process instance, not on a
 * task) are skipped, so a process variable or form field that happens to be called {@code assignee}
 * keeps its history.
 */
class EngineHistorySettings extends DefaultHistoryConfigurationSettings {

	static final Set<String> MULTI_INSTANCE_VARIABLES = Set.of("nrOfInstances", "nrOfCompletedInstances",
			"nrOfActiveInstances", "loopCounter", BpmnPreparation.ELEMENT_VARIABLE, EngineExpressions.RESOLVED_APPROVERS);

	EngineHistorySettings(ProcessEngineConfigurationImpl configuration) {
		super(configuration);
	}

	@Override
	public boolean isHistoryEnabledForVariableInstance(VariableInstanceEntity variable) {
		return !bookkeeping(variable) && super.isHistoryEnabledForVariableInstance(variable);
	}

	@Override
	public boolean isHistoryEnabledForVariableInstance(String processDefinitionId, VariableInstanceEntity variable) {
		return !bookkeeping(variable) && super.isHistoryEnabledForVariableInstance(processDefinitionId, variable);
	}

	static boolean bookkeeping(VariableInstanceEntity variable) {
		return variable.getTaskId() == null && variable.getExecutionId() != null
				&& !variable.getExecutionId().equals(variable.getProcessInstanceId())
				&& MULTI_INSTANCE_VARIABLES.contains(variable.getName());
	}
}
