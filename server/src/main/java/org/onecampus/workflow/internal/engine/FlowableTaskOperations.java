package org.onecampus.workflow.internal.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.DelegationState;
import org.flowable.task.api.Task;

import org.onecampus.kernel.error.PlatformException;

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

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final JdbcClient jdbc;

	private final EngineModels models;

	FlowableTaskOperations(RuntimeService runtime, TaskService tasks, HistoryService history, JdbcClient jdbc,
			EngineModels models) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.jdbc = jdbc;
		this.models = models;
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
		ReturnGraph graph = graph(models.definitionOf(engineInstanceId));
		return new ReturnTargets(graph.startId(), graph.targets(fromNodeId, finishedTasks(engineInstanceId)));
	}

	/**
	 * Moves the instance back to {@code targetNodeId}: every waiting point the target's branch encloses
	 * (the current node with all its multi-instance executions, sibling branches when the target is
	 * before their fork, a join already reached by a sibling) is left.
	 * @return the node ids left
	 */
	public List<String> moveBack(String engineInstanceId, String targetNodeId) {
		String definition = models.definitionOf(engineInstanceId);
		List<String> moved = graph(definition).movedBy(targetNodeId, waitingActivityIds(engineInstanceId));
		if (!moved.isEmpty()) {
			models.move(engineInstanceId, definition, moved, targetNodeId);
		}
		return moved;
	}

	/** Whether the node of {@code laterNodeId} lies downstream of {@code nodeId} within its branch. */
	public boolean isDownstreamWithin(String engineInstanceId, String nodeId, String laterNodeId) {
		ReturnGraph graph = graph(models.definitionOf(engineInstanceId));
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

	/** Whether the multi-person node asks its persons one after the other. */
	public boolean isSequential(String engineInstanceId, String nodeId) {
		var activity = models.multiInstance(models.definitionOf(engineInstanceId), nodeId);
		return activity != null && activity.getLoopCharacteristics().isSequential();
	}

	/**
	 * Adds a person to a running parallel node (加签). A node that went to its plain task (one approver) moves
	 * to its multi-instance twin with the current approver and the new one: the current approver's task is
	 * replaced by a new one at the same node, which keeps the persons added after them.
	 */
	public void addSigner(String engineInstanceId, String nodeId, String personId) {
		String definition = models.definitionOf(engineInstanceId);
		List<String> at = models.waitingAt(engineInstanceId, List.of(nodeId));
		var multi = models.multiInstance(definition, nodeId);
		if (multi != null && at.contains(multi.getId())) {
			FlowableEngine.guarded(() -> runtime.addMultiInstanceExecution(multi.getId(), engineInstanceId,
					Map.of(BpmnPreparation.ELEMENT_VARIABLE, personId)));
			return;
		}
		Task current = tasks.createTaskQuery().processInstanceId(engineInstanceId).taskDefinitionKey(nodeId).singleResult();
		if (multi == null || current == null) {
			throw PlatformException.conflict("workflow.task-closed");
		}
		List<String> after = afterSigners(current.getId());
		EngineExpressions.withApprovers(nodeId, List.of(current.getAssignee(), personId),
				() -> FlowableEngine.guarded(() -> {
					runtime.createChangeActivityStateBuilder()
						.processInstanceId(engineInstanceId)
						.moveActivityIdTo(nodeId, multi.getId())
						.changeState();
					return null;
				}));
		if (!after.isEmpty()) {
			tasks.createTaskQuery().processInstanceId(engineInstanceId).taskDefinitionKey(multi.getId())
				.taskAssignee(current.getAssignee()).list()
				.forEach(task -> afterSigners(task.getId(), after));
		}
	}

	/** Removes a person's open instance of a multi-instance node (减签), as if it never existed. */
	public void removeSigner(String executionId) {
		FlowableEngine.guarded(() -> {
			runtime.deleteMultiInstanceExecution(executionId, false);
			return null;
		});
	}

	private ReturnGraph graph(String definitionId) {
		return new ReturnGraph(models.prepared(definitionId));
	}

	/** Node ids of the user tasks the instance finished, in order. */
	private List<String> finishedTasks(String engineInstanceId) {
		return history.createHistoricActivityInstanceQuery().processInstanceId(engineInstanceId).activityType("userTask")
			.finished().orderByHistoricActivityInstanceEndTime().asc().list().stream()
			.map(activity -> EngineNodes.node(activity.getActivityId()))
			.toList();
	}

	/** Node ids (and joins) where an execution of the instance is, active or waiting at a join. */
	private List<String> waitingActivityIds(String engineInstanceId) {
		return models.waiting(engineInstanceId).stream()
			.filter(id -> !EngineNodes.isPlumbing(id))
			.map(EngineNodes::node)
			.distinct()
			.toList();
	}
}
