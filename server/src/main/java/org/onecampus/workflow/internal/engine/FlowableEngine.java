package org.onecampus.workflow.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.runtime.ProcessInstance;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The workflow module's one door to Flowable. Every method runs in the caller's transaction (the
 * engine shares the application's DataSource and transaction manager) and speaks plain ids and
 * records. The engine's optimistic locking failures surface as 409 problems.
 */
@Service
public class FlowableEngine {

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final JdbcClient jdbc;

	private final EngineModels models;

	FlowableEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks, JdbcClient jdbc,
			EngineModels models) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.models = models;
	}

	/** Validates and wires BPMN from either designer; see {@link BpmnPreparation}. */
	public ModelOutline prepare(String bpmnXml) {
		return BpmnPreparation.prepare(bpmnXml);
	}

	/**
	 * Deploys prepared BPMN as a new engine version of {@code processKey}.
	 * @return the engine's process definition id
	 */
	public String deploy(String processKey, int version, String preparedXml) {
		Deployment deployment = repository.createDeployment()
			.name(processKey + " v" + version)
			.key(processKey)
			.addString(processKey + ".v" + version + ".bpmn20.xml", BpmnPreparation.forEngine(preparedXml))
			.addString(processKey + ".v" + version + BpmnPreparation.LOGICAL_SUFFIX, preparedXml)
			.disableSchemaValidation()
			.deploy();
		return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
	}

	/**
	 * Starts an instance of one deployed definition (running instances stay on theirs).
	 * @param businessKey our instance id
	 * @return the engine's process instance id
	 */
	public String start(String definitionId, String businessKey, Map<String, Object> variables) {
		ProcessInstance instance = runtime.createProcessInstanceBuilder()
			.processDefinitionId(definitionId)
			.businessKey(businessKey)
			.variables(variables)
			.start();
		return instance.getId();
	}

	/**
	 * Open user tasks of an instance, oldest first. Read straight from the engine's task table, in the
	 * caller's transaction (the engine flushes at the end of each of its commands, so what the last call
	 * changed is there): the same rows a task query returns, without building that query's dynamic SQL,
	 * which cost a tenth of the approving thread's CPU (see docs/benchmarks.md, workflow session 4).
	 */
	public List<EngineTask> openTasks(String engineInstanceId) {
		return jdbc.sql("""
				select id_, task_def_key_, assignee_, execution_id_, create_time_ from act_ru_task
				where proc_inst_id_ = ? order by create_time_, id_""")
			.param(engineInstanceId)
			.query((rs, n) -> new EngineTask(rs.getString("id_"), EngineNodes.node(rs.getString("task_def_key_")), rs.getString("assignee_"),
					rs.getString("execution_id_"), rs.getTimestamp("create_time_").toInstant()))
			.list();
	}

	/** Completes a task with process variables; 409 when another action got there first. */
	public void complete(String taskId, Map<String, Object> variables) {
		guarded(() -> {
			tasks.complete(taskId, variables);
			return null;
		});
	}

	/** Hands a task to another person. */
	public void assign(String taskId, String personId) {
		guarded(() -> {
			tasks.setAssignee(taskId, personId);
			return null;
		});
	}

	/** Node ids (and joins) where the instance currently waits. */
	public List<String> activeActivityIds(String engineInstanceId) {
		return runtime.getActiveActivityIds(engineInstanceId).stream().map(EngineNodes::node).distinct().toList();
	}

	/**
	 * Moves the instance out of the nodes {@code fromNodeIds} into {@code toNodeId} (Flowable's change
	 * activity state): the basis of administrator moves. The target is entered as if the instance arrived
	 * there (its approvers are resolved again).
	 */
	public void moveActivities(String engineInstanceId, List<String> fromNodeIds, String toNodeId) {
		models.move(engineInstanceId, models.definitionOf(engineInstanceId), fromNodeIds, toNodeId);
	}

	public void suspend(String engineInstanceId) {
		guarded(() -> {
			runtime.suspendProcessInstanceById(engineInstanceId);
			return null;
		});
	}

	public void resume(String engineInstanceId) {
		guarded(() -> {
			runtime.activateProcessInstanceById(engineInstanceId);
			return null;
		});
	}

	/** Ends a running instance at once (rejection, withdrawal, termination); history keeps the reason. */
	public void end(String engineInstanceId, String reason) {
		guarded(() -> {
			runtime.deleteProcessInstance(engineInstanceId, reason);
			return null;
		});
	}

	/** Whether the instance is still running in the engine (its root execution exists). */
	public boolean isRunning(String engineInstanceId) {
		return jdbc.sql("select exists (select 1 from act_ru_execution where id_ = ? and proc_inst_id_ = id_)")
			.param(engineInstanceId)
			.query(Boolean.class)
			.single();
	}

	static <T> T guarded(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (FlowableOptimisticLockingException ex) {
			throw PlatformException.conflict("workflow.concurrent-change");
		}
		catch (FlowableObjectNotFoundException ex) {
			throw PlatformException.conflict("workflow.task-closed");
		}
	}
}
