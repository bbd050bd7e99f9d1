package org.onecampus.workflow.internal.engine;

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

	ProcessMigrations(ProcessMigrationService migrations, RuntimeService runtime) {
		this.migrations = migrations;
		this.runtime = runtime;
	}

	/**
	 * Flowable's own check of the migration ({@code validateMigration}).
	 * @param mappings source activity id → target activity id, for activities whose id changes
	 * @return the engine's objections; empty when the instance can be migrated
	 */
	public List<String> validate(String engineInstanceId, String targetDefinitionId, Map<String, String> mappings) {
		try {
			return builder(targetDefinitionId, mappings).validateMigration(engineInstanceId).getValidationMessages();
		}
		catch (FlowableException ex) {
			return List.of(String.valueOf(ex.getMessage()));
		}
	}

	/** Migrates the instance; a failure of the engine is a 409 problem (the caller's transaction rolls back). */
	public void migrate(String engineInstanceId, String targetDefinitionId, Map<String, String> mappings) {
		try {
			builder(targetDefinitionId, mappings).migrate(engineInstanceId);
		}
		catch (FlowableException ex) {
			throw PlatformException.conflict("workflow.migration.engine-failed", String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * How many instances of a running multi-person node have completed (approvals already given
	 * there); 0 when the node is not active.
	 */
	public int completedAt(String engineInstanceId, String activityId) {
		int completed = 0;
		for (Execution execution : runtime.createExecutionQuery().processInstanceId(engineInstanceId).activityId(activityId)
			.list()) {
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

	private ProcessInstanceMigrationBuilder builder(String targetDefinitionId, Map<String, String> mappings) {
		ProcessInstanceMigrationBuilder builder = migrations.createProcessInstanceMigrationBuilder()
			.migrateToProcessDefinition(targetDefinitionId);
		mappings.forEach((from, to) -> builder.addActivityMigrationMapping(ActivityMigrationMapping.createMappingFor(from, to)));
		return builder;
	}
}
