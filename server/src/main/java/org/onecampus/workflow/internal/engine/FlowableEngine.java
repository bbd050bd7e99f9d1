package org.onecampus.workflow.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.onecampus.kernel.error.PlatformException;

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

	private final HistoryService history;

	FlowableEngine(RepositoryService repository, RuntimeService runtime, TaskService tasks, HistoryService history) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
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
			.addString(processKey + ".v" + version + ".bpmn20.xml", preparedXml)
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

	/** Open user tasks of an instance, oldest first. */
	public List<EngineTask> openTasks(String engineInstanceId) {
		return tasks.createTaskQuery().processInstanceId(engineInstanceId).orderByTaskCreateTime().asc().list().stream()
			.map(FlowableEngine::task)
			.toList();
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

	/** Activity ids where the instance currently waits. */
	public List<String> activeActivityIds(String engineInstanceId) {
		return runtime.getActiveActivityIds(engineInstanceId);
	}

	/**
	 * Moves the instance out of {@code fromActivityIds} into {@code toActivityId} (Flowable's change
	 * activity state): the basis of administrator moves and of returns.
	 */
	public void moveActivities(String engineInstanceId, List<String> fromActivityIds, String toActivityId) {
		guarded(() -> {
			runtime.createChangeActivityStateBuilder()
				.processInstanceId(engineInstanceId)
				.moveActivityIdsToSingleActivityId(fromActivityIds, toActivityId)
				.changeState();
			return null;
		});
	}

	/** Adds a person to a running multi-instance node (加签); returns the new execution's id. */
	public String addMultiInstanceExecution(String engineInstanceId, String nodeId, String personId) {
		return guarded(() -> runtime.addMultiInstanceExecution(nodeId, engineInstanceId, Map.of("assignee", personId)).getId());
	}

	/** Removes one person's execution from a multi-instance node (减签). */
	public void deleteMultiInstanceExecution(String executionId, boolean countAsCompleted) {
		guarded(() -> {
			runtime.deleteMultiInstanceExecution(executionId, countAsCompleted);
			return null;
		});
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

	/** Whether the instance is still running in the engine. */
	public boolean isRunning(String engineInstanceId) {
		return runtime.createProcessInstanceQuery().processInstanceId(engineInstanceId).count() > 0;
	}

	/** Activity ids the instance has finished, in order (from the engine's history). */
	public List<String> finishedActivityIds(String engineInstanceId) {
		return history.createHistoricActivityInstanceQuery().processInstanceId(engineInstanceId).finished()
			.orderByHistoricActivityInstanceEndTime().asc().list().stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	private static EngineTask task(Task task) {
		return new EngineTask(task.getId(), task.getTaskDefinitionKey(), task.getAssignee(), task.getExecutionId(),
				task.getCreateTime().toInstant());
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
