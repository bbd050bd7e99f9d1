package org.onecampus.workflow.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.migration.ActivityMigrationMapping;
import org.flowable.engine.migration.ProcessInstanceMigrationBuilder;
import org.flowable.engine.runtime.Execution;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.stereotype.Service;

/**
 * Flowable's process instance migration: moves a running instance onto another deployed definition,
 * its active activities kept by id or moved by explicit mappings. Runs in the caller's transaction.
 */
@Service
public class ProcessMigrations {

	private final ProcessMigrationService migrations;

	private final RuntimeService runtime;

	private final EngineModels models;

	ProcessMigrations(ProcessMigrationService migrations, RuntimeService runtime, EngineModels models) {
		this.migrations = migrations;
		this.runtime = runtime;
		this.models = models;
	}

	/**
	 * Flowable's own check of the migration ({@code validateMigration}).
	 * @param mappings source activity id → target activity id, for activities whose id changes
	 * @return the engine's objections; empty when the instance can be migrated
	 */
	public List<String> validate(String engineInstanceId, String targetDefinitionId, Map<String, String> mappings) {
		try {
			return builder(engineInstanceId, targetDefinitionId, mappings).validateMigration(engineInstanceId)
				.getValidationMessages();
		}
		catch (FlowableException ex) {
			return List.of(String.valueOf(ex.getMessage()));
		}
	}

	/** Migrates the instance; a failure of the engine is a 409 problem (the caller's transaction rolls back). */
	public void migrate(String engineInstanceId, String targetDefinitionId, Map<String, String> mappings) {
		try {
			builder(engineInstanceId, targetDefinitionId, mappings).migrate(engineInstanceId);
		}
		catch (FlowableException ex) {
			throw PlatformException.conflict("workflow.migration.engine-failed", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * How many instances of a running multi-person node have completed (approvals already given
	 * there); 0 when the node is not active.
	 */
	public int completedAt(String engineInstanceId, String nodeId) {
		int completed = 0;
		List<Execution> executions = new ArrayList<>();
		for (String activityId : List.of(nodeId, EngineNodes.multi(nodeId))) {
			executions.addAll(runtime.createExecutionQuery().processInstanceId(engineInstanceId).activityId(activityId).list());
		}
		for (Execution execution : executions) {
			Object value = runtime.getVariableLocal(execution.getId(), "nrOfCompletedInstances");
			if (value instanceof Number number) {
				completed = Math.max(completed, number.intValue());
			}
			String parent = execution.getParentId();
			if (parent != null) {
				Object parentValue = runtime.getVariableLocal(parent, "nrOfCompletedInstances");
				if (parentValue instanceof Number number) {
					completed = Math.max(completed, number.intValue());
				}
			}
		}
		return completed;
	}

	private ProcessInstanceMigrationBuilder builder(String engineInstanceId, String targetDefinitionId,
			Map<String, String> mappings) {
		ProcessInstanceMigrationBuilder builder = migrations.createProcessInstanceMigrationBuilder()
			.migrateToProcessDefinition(targetDefinitionId);
		engineMappings(engineInstanceId, targetDefinitionId, mappings)
			.forEach((from, to) -> builder.addActivityMigrationMapping(ActivityMigrationMapping.createMappingFor(from, to)));
		return builder;
	}

	/**
	 * The node mappings as the engine's activity ids: a node waiting at its multi-instance twin (or, deployed
	 * before the split, at a multi-instance node itself) or mapped to another node goes to the target node's
	 * multi-instance element, a plain one staying at its node to the same node.
	 */
	private Map<String, String> engineMappings(String engineInstanceId, String targetDefinitionId,
			Map<String, String> mappings) {
		String source = models.definitionOf(engineInstanceId);
		Map<String, String> result = new LinkedHashMap<>();
		for (String activity : models.waiting(engineInstanceId)) {
			if (EngineNodes.isPlumbing(activity)) {
				continue;
			}
			String node = EngineNodes.node(activity);
			String targetNode = mappings.getOrDefault(node, node);
			String target = targetNode;
			var multi = models.multiInstance(source, node);
			// a node mapped to another one is entered afresh, its approvers resolved by its own rule: the engine does
			// that for a multi-instance target (a plain task would keep its assignee)
			if (multi != null && multi.getId().equals(activity) || !targetNode.equals(node)) {
				var targetMulti = models.multiInstance(targetDefinitionId, targetNode);
				target = targetMulti == null ? targetNode : targetMulti.getId();
			}
			if (!target.equals(activity)) {
				result.put(activity, target);
			}
		}
		return result;
	}
}
