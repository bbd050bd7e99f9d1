package org.onecampus.workflow.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.runtime.Execution;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The engine side of the operations on a task beyond approve and reject: return to an earlier node
 * (Flowable's change activity state), delegation (owner and delegate), signers added before or after
 * the current approver, and signers added to or removed from a multi-instance node. Like
 * {@link FlowableEngine}, runs in the caller's transaction; optimistic locking failures become 409.
 */
@Service
public class FlowableTaskOperations {

	/** Task-local variable holding the persons who approve after the current one (comma separated). */
	private static final String AFTER_SIGNERS = "onecampusAfterSigners";

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final JdbcClient jdbc;

	FlowableTaskOperations(RepositoryService repository, RuntimeService runtime, TaskService tasks, HistoryService history,
			JdbcClient jdbc) {
		this.repository = repository;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.jdbc = jdbc;
	}

	/**
	 * Where an instance can go back to from a node.
	 * @param startId the start event (back to the applicant)
	 * @param nodeIds user tasks the instance passed upstream of the node in the same branch or before its fork,
	 * in the order they were finished
	 */
	public record ReturnTargets(String startId, List<String> nodeIds) {
	}

	public ReturnTargets returnTargets(String engineInstanceId, String fromNodeId) {
		ReturnGraph graph = graph(engineInstanceId);
		return new ReturnTargets(graph.startId(), graph.targets(fromNodeId, finishedTasks(engineInstanceId)));
	}

	/**
	 * Moves the instance back to {@code targetNodeId}: every waiting point the target's branch encloses
	 * (the current node with all its multi-instance executions, sibling branches when the target is
	 * before their fork, a join already reached by a sibling) is left.
	 * @return the node ids left
	 */
	public List<String> moveBack(String engineInstanceId, String targetNodeId) {
		ReturnGraph graph = graph(engineInstanceId);
		List<String> moved = graph.movedBy(targetNodeId, waitingActivityIds(engineInstanceId));
		if (!moved.isEmpty()) {
			FlowableEngine.guarded(() -> {
				runtime.createChangeActivityStateBuilder()
					.processInstanceId(engineInstanceId)
					.moveActivityIdsToSingleActivityId(moved, targetNodeId)
					.changeState();
				return null;
			});
		}
		return moved;
	}

	/** Whether the node of {@code laterNodeId} lies downstream of {@code nodeId} within its branch. */
	public boolean isDownstreamWithin(String engineInstanceId, String nodeId, String laterNodeId) {
		ReturnGraph graph = graph(engineInstanceId);
		return graph.upstream(laterNodeId).contains(nodeId) && graph.within(nodeId, laterNodeId);
	}

	/** Hands the task to a delegate; the task comes back to its current assignee (the owner) when they resolve it. */
	public void delegate(String taskId, String personId) {
		FlowableEngine.guarded(() -> {
			tasks.delegateTask(taskId, personId);
			return null;
		});
	}

	/** The owner of a task whose delegation is pending, or null. */
	public String pendingDelegationOwner(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		return task != null && task.getDelegationState() == DelegationState.PENDING ? task.getOwner() : null;
	}

	/** Gives a delegated task back to its owner (the delegate acted, or the owner takes it back). */
	public void resolve(String taskId) {
		FlowableEngine.guarded(() -> {
			tasks.resolveTask(taskId);
			return null;
		});
	}

	/** Persons who approve the task after its current assignee, in order. */
	public List<String> afterSigners(String taskId) {
		Object value = tasks.getVariableLocal(taskId, AFTER_SIGNERS);
		return value == null || value.toString().isBlank() ? List.of() : Arrays.asList(value.toString().split(","));
	}

	public void afterSigners(String taskId, List<String> personIds) {
		FlowableEngine.guarded(() -> {
			if (personIds.isEmpty()) {
				tasks.removeVariableLocal(taskId, AFTER_SIGNERS);
			}
			else {
				tasks.setVariableLocal(taskId, AFTER_SIGNERS, String.join(",", personIds));
			}
			return null;
		});
	}

	/**
	 * Passes the task on instead of completing it: back to the owner of a pending delegation, or to the
	 * next after-signer. The engine task stays open.
	 * @return the person who has the task now, or null when the task should be completed
	 */
	public String passOn(String taskId) {
		// the common case (no pending delegation, no after-signers: complete) from one plain read of the engine's
		// task and variable tables; Flowable's task query with local variables cost a tenth of the approving
		// thread's CPU in its dynamic SQL
		if (!delegatedOrSigned(taskId)) {
			return null;
		}
		Task task = tasks.createTaskQuery().taskId(taskId).includeTaskLocalVariables().singleResult();
		if (task == null) {
			return null;
		}
		if (task.getDelegationState() == DelegationState.PENDING && task.getOwner() != null) {
			resolve(taskId);
			return task.getOwner();
		}
		Object signers = task.getTaskLocalVariables().get(AFTER_SIGNERS);
		List<String> after = signers == null || signers.toString().isBlank() ? new ArrayList<>()
				: new ArrayList<>(Arrays.asList(signers.toString().split(",")));
		if (after.isEmpty()) {
			return null;
		}
		String next = after.remove(0);
		afterSigners(taskId, after);
		FlowableEngine.guarded(() -> {
			tasks.setAssignee(taskId, next);
			return null;
		});
		return next;
	}

	/**
	 * Whether the task has a pending delegation or after-signers, or may have (an after-signer list stored
	 * in another variable type than a plain string); false for a task that is gone.
	 */
	private boolean delegatedOrSigned(String taskId) {
		return jdbc.sql("""
				select coalesce(t.delegation_ = 'PENDING', false) or v.id_ is not null as passes
				from act_ru_task t left join act_ru_variable v on v.task_id_ = t.id_ and v.name_ = ?
				  and (v.type_ <> 'string' or v.text_ <> '')
				where t.id_ = ?""")
			.param(AFTER_SIGNERS)
			.param(taskId)
			.query((rs, n) -> rs.getBoolean("passes"))
			.optional()
			.orElse(false);
	}

	/** Whether the multi-instance node asks its persons one after the other. */
	public boolean isSequential(String engineInstanceId, String nodeId) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(engineInstanceId).singleResult();
		var element = repository.getBpmnModel(instance.getProcessDefinitionId()).getMainProcess().getFlowElement(nodeId);
		return element instanceof org.flowable.bpmn.model.Activity activity && activity.getLoopCharacteristics() != null
				&& activity.getLoopCharacteristics().isSequential();
	}

	/** Adds a person to a running parallel multi-instance node (加签). */
	public void addSigner(String engineInstanceId, String nodeId, String personId) {
		FlowableEngine.guarded(() -> runtime.addMultiInstanceExecution(nodeId, engineInstanceId, Map.of("assignee", personId)));
	}

	/** Removes a person's open instance of a multi-instance node (减签), as if it never existed. */
	public void removeSigner(String executionId) {
		FlowableEngine.guarded(() -> {
			runtime.deleteMultiInstanceExecution(executionId, false);
			return null;
		});
	}

	private ReturnGraph graph(String engineInstanceId) {
		ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(engineInstanceId).singleResult();
		return new ReturnGraph(repository.getBpmnModel(instance.getProcessDefinitionId()).getMainProcess());
	}

	private List<String> finishedTasks(String engineInstanceId) {
		return history.createHistoricActivityInstanceQuery().processInstanceId(engineInstanceId).activityType("userTask")
			.finished().orderByHistoricActivityInstanceEndTime().asc().list().stream()
			.map(HistoricActivityInstance::getActivityId)
			.toList();
	}

	/** Activity ids of every execution, active or waiting at a join. */
	private List<String> waitingActivityIds(String engineInstanceId) {
		return runtime.createExecutionQuery().processInstanceId(engineInstanceId).list().stream()
			.map(Execution::getActivityId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList();
	}
}
