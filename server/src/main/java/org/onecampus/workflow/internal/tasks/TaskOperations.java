package org.onecampus.workflow.internal.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.workflow.Processes.InstanceSummary;
import org.onecampus.workflow.internal.engine.EngineTask;
import org.onecampus.workflow.internal.engine.FlowableEngine;
import org.onecampus.workflow.internal.engine.FlowableTaskOperations;
import org.onecampus.workflow.internal.processes.ProcessVersion;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations on a task beyond approve and reject: return (退回) to an earlier node or to the
 * applicant and resubmission, take-back (拿回), transfer (转办), delegation (委派), signers added
 * (加签) and removed (减签), urge (催办). Each locks the instance and the task, checks that the actor
 * holds the task, records the action with comment, attachments and the form data in the instance's
 * trail and the audit log, then brings the task projection in line with the engine.
 */
@Service
class TaskOperations {

	/** One urge per person per instance in this period. */
	static final Duration URGE_INTERVAL = Duration.ofMinutes(30);

	private final Instances instances;

	private final InstanceRuntime runtime;

	private final FlowableEngine engine;

	private final FlowableTaskOperations operations;

	private final PersonDirectory directory;

	private final Messaging messaging;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ReturnNotices returnNotices;

	TaskOperations(Instances instances, InstanceRuntime runtime, FlowableEngine engine, FlowableTaskOperations operations,
			PersonDirectory directory, Messaging messaging, ApplicationEventPublisher events, AuditLog audit,
			ReturnNotices returnNotices) {
		this.instances = instances;
		this.runtime = runtime;
		this.engine = engine;
		this.operations = operations;
		this.directory = directory;
		this.messaging = messaging;
		this.events = events;
		this.audit = audit;
		this.returnNotices = returnNotices;
	}

	/** Comment and attachments sent with any action. */
	record Note(String comment, List<Object> attachments) {

		static final Note NONE = new Note(null, null);
	}

	/** A node the task may be returned to; {@code type} START means back to the applicant. */
	record ReturnTarget(String nodeId, Map<String, String> name, String type) {
	}

	@Transactional(readOnly = true)
	public List<ReturnTarget> returnTargets(String taskId, UUID actor) {
		TaskRecord task = instances.task(taskId).filter(t -> actor.equals(t.assigneeId()) && "OPEN".equals(t.status()))
			.orElseThrow(() -> PlatformException.notFound("task", taskId));
		InstanceRecord instance = instances.find(task.instanceId()).orElseThrow();
		return targets(instance, runtime.version(instance), task.nodeId());
	}

	private List<ReturnTarget> targets(InstanceRecord instance, ProcessVersion version, String nodeId) {
		FlowableTaskOperations.ReturnTargets found = operations.returnTargets(instance.engineInstanceId(), nodeId);
		List<ReturnTarget> targets = new ArrayList<>();
		targets.add(new ReturnTarget(found.startId(), version.nodeName(found.startId()).containsValue(found.startId())
				? Map.of("zh-CN", "发起人", "en-US", "Applicant") : version.nodeName(found.startId()), "START"));
		found.nodeIds().stream().distinct()
			.forEach(n -> targets.add(new ReturnTarget(n, version.nodeName(n), version.nodeType(n))));
		return targets;
	}

	/**
	 * Returns the instance to an earlier node, or to the applicant (the start node) who edits and
	 * resubmits. Every waiting point the target encloses is cancelled (see {@link FlowableTaskOperations#moveBack}).
	 */
	@Transactional
	public InstanceSummary returnTo(String taskId, UUID actor, String targetNodeId, Note note) {
		Held held = hold(taskId, actor);
		List<ReturnTarget> targets = targets(held.instance(), held.version(), held.task().nodeId());
		ReturnTarget target = targets.stream().filter(t -> t.nodeId().equals(targetNodeId)).findFirst()
			.orElseThrow(() -> PlatformException.invalid(List.of(new FieldProblem("targetNodeId",
					"workflow.return-target", String.valueOf(targetNodeId)))));
		InstanceRecord instance = held.instance();
		instances.closeTask(taskId, "DONE", "RETURNED");
		record(held, "RETURNED", actor, note, Map.of("to", target.nodeId()));
		if ("START".equals(target.type())) {
			engine.end(instance.engineInstanceId(), "RETURNED");
			instances.cancelOpenTasks(instance.id(), "RETURNED");
			instances.status(instance.id(), "RETURNED", false);
			returnNotices.returned(instance, held.version(), taskId);
			events.publishEvent(new org.onecampus.workflow.ProcessInstanceReturned(instance.id(), instance.processKey(),
					instance.applicantId(), held.task().nodeId(), actor, note.comment()));
		}
		else {
			operations.moveBack(instance.engineInstanceId(), target.nodeId());
			runtime.settle(instance.id());
		}
		return runtime.instance(instance.id()).orElseThrow();
	}

	/** The applicant resubmits an instance returned to them, with edited form data. */
	@Transactional
	public InstanceSummary resubmit(UUID instanceId, UUID actor, Map<String, Object> formData, Note note) {
		InstanceRecord instance = instances.lock(instanceId).filter(i -> i.applicantId().equals(actor))
			.orElseThrow(() -> PlatformException.notFound("instance", instanceId));
		if (!"RETURNED".equals(instance.status())) {
			throw PlatformException.conflict("workflow.not-returned", instanceId);
		}
		ProcessVersion version = runtime.version(instance);
		Map<String, Object> data = runtime.validate(version, actor, null, instance.formData(),
				formData == null ? instance.formData() : formData);
		instances.formData(instanceId, data);
		instances.status(instanceId, "RUNNING", false);
		instances.action(instanceId, null, "start", "RESUBMITTED", actor, note.comment(), note.attachments(), data, Map.of());
		instances.engineInstance(instanceId, engine.start(version.engineDefinitionId(), instanceId.toString(),
				Map.of("applicant", actor.toString())));
		audit.record("workflow.instance.resubmit", "workflow-instance:" + instanceId, Map.of());
		runtime.settle(instanceId);
		return runtime.instance(instanceId).orElseThrow();
	}

	/**
	 * The approver who just completed a task takes it back while nobody acted after them: the nodes
	 * their approval opened are left and their node is opened again. On a parallel multi-person node
	 * still waiting for others, only their own share is opened again.
	 */
	@Transactional
	public InstanceSummary takeBack(String taskId, UUID actor, Note note) {
		TaskRecord task = instances.lockTaskWithInstance(taskId).filter(t -> actor.equals(t.assigneeId()))
			.orElseThrow(() -> PlatformException.notFound("task", taskId));
		InstanceRecord instance = instances.lock(task.instanceId()).orElseThrow();
		InstanceRuntime.requireRunning(instance);
		List<Instances.ActionRow> actions = instances.actions(instance.id());
		Instances.ActionRow last = actions.stream().filter(a -> a.actorId() != null && !a.action().startsWith("AUTO")
				&& !"URGED".equals(a.action())).reduce((a, b) -> b).orElse(null);
		if (!"DONE".equals(task.status()) || !"APPROVED".equals(task.outcome()) || last == null
				|| !taskId.equals(last.taskId()) || !"APPROVED".equals(last.action())) {
			throw PlatformException.conflict("workflow.take-back-too-late");
		}
		List<TaskRecord> open = instances.openTasks(instance.id());
		String engineInstance = instance.engineInstanceId();
		if (open.stream().anyMatch(t -> t.nodeId().equals(task.nodeId()))) {
			// the node still waits for others: only on a countersign node (all must approve) can one share reopen
			if (!"ALL".equals(runtime.version(instance).config(task.nodeId()).path("multi").asString("ALL"))) {
				throw PlatformException.conflict("workflow.take-back-too-late");
			}
			operations.addSigner(engineInstance, task.nodeId(), actor.toString());
		}
		else {
			List<TaskRecord> later = open.stream().filter(t -> !t.createdAt().isBefore(task.endedAt())).toList();
			List<TaskRecord> affected = open.stream()
				.filter(t -> operations.isDownstreamWithin(engineInstance, task.nodeId(), t.nodeId())).toList();
			if (later.isEmpty() || !later.containsAll(affected) || !affected.containsAll(later)) {
				throw PlatformException.conflict("workflow.take-back-too-late");
			}
			operations.moveBack(engineInstance, task.nodeId());
		}
		instances.action(instance.id(), taskId, task.nodeId(), "TAKEN_BACK", actor, note.comment(), note.attachments(),
				instance.formData(), Map.of());
		audit.record("workflow.task.take-back", "workflow-task:" + taskId, Map.of("instance", instance.id().toString()));
		runtime.settle(instance.id());
		return runtime.instance(instance.id()).orElseThrow();
	}

	/** Transfer (转办): the task moves to another person; the original assignee no longer has it. */
	@Transactional
	public void transfer(String taskId, UUID actor, UUID to, Note note) {
		Held held = hold(taskId, actor);
		requireOtherPerson(actor, to);
		noPendingDelegation(taskId);
		engine.assign(taskId, to.toString());
		instances.reassignTask(taskId, to);
		record(held, "TRANSFERRED", actor, note, Map.of("to", to.toString()));
		announce(held, to);
	}

	/** Delegation (委派): the delegate acts, then the task comes back to the actor who completes it. */
	@Transactional
	public void delegate(String taskId, UUID actor, UUID to, Note note) {
		Held held = hold(taskId, actor);
		requireOtherPerson(actor, to);
		noPendingDelegation(taskId);
		operations.delegate(taskId, to.toString());
		instances.reassignTask(taskId, to);
		record(held, "DELEGATED", actor, note, Map.of("to", to.toString()));
		announce(held, to);
	}

	/** The owner takes a delegated task (or a signer added before them) back before the delegate acts. */
	@Transactional
	public void recallDelegation(String taskId, UUID actor, Note note) {
		TaskRecord task = instances.lockTaskWithInstance(taskId).orElseThrow(() -> PlatformException.notFound("task", taskId));
		if (!actor.toString().equals(operations.pendingDelegationOwner(taskId))) {
			throw PlatformException.notFound("task", taskId);
		}
		InstanceRecord instance = instances.lock(task.instanceId()).orElseThrow();
		InstanceRuntime.requireRunning(instance);
		if (!"OPEN".equals(task.status())) {
			throw PlatformException.conflict("workflow.task-closed");
		}
		operations.resolve(taskId);
		instances.reassignTask(taskId, actor);
		instances.action(instance.id(), taskId, task.nodeId(), "DELEGATION_RECALLED", actor, note.comment(),
				note.attachments(), instance.formData(), Map.of("from", task.assigneeId().toString()));
		audit.record("workflow.task.delegation-recall", "workflow-task:" + taskId, Map.of("instance", instance.id().toString()));
	}

	enum Position {
		/** Approves before the current assignee, who acts after them. */
		BEFORE,
		/** Approves after the current assignee has approved. */
		AFTER,
		/** Joins a parallel multi-person node as one more approver. */
		PARALLEL
	}

	/**
	 * Adds a signer (加签).
	 * @return the actor's task at the node afterwards: {@code taskId}, or the task that replaced it when a
	 * parallel signer turned a one-person node into a multi-person one
	 */
	@Transactional
	public String addSigner(String taskId, UUID actor, UUID person, Position position, Note note) {
		Held held = hold(taskId, actor);
		requireOtherPerson(actor, person);
		noPendingDelegation(taskId);
		String engineInstance = held.instance().engineInstanceId();
		String nodeId = held.task().nodeId();
		switch (position) {
			case BEFORE -> {
				operations.delegate(taskId, person.toString());
				instances.reassignTask(taskId, person);
				announce(held, person);
			}
			case AFTER -> {
				List<String> after = new ArrayList<>(operations.afterSigners(taskId));
				if (after.contains(person.toString())) {
					throw PlatformException.conflict("workflow.signer-exists");
				}
				after.add(person.toString());
				operations.afterSigners(taskId, after);
			}
			case PARALLEL -> {
				if (operations.isSequential(engineInstance, nodeId)) {
					throw PlatformException.invalid(List.of(new FieldProblem("position", "workflow.signer-parallel")));
				}
				if (instances.openTasks(held.instance().id()).stream()
					.anyMatch(t -> t.nodeId().equals(nodeId) && person.equals(t.assigneeId()))) {
					throw PlatformException.conflict("workflow.signer-exists");
				}
				operations.addSigner(engineInstance, nodeId, person.toString());
			}
		}
		record(held, "SIGNER_ADDED", actor, note, Map.of("person", person.toString(), "position", position.name()));
		runtime.settle(held.instance().id());
		return instances.openTasks(held.instance().id()).stream()
			.filter(t -> t.nodeId().equals(nodeId) && actor.equals(t.assigneeId()))
			.map(TaskRecord::id)
			.filter(id -> !id.equals(taskId))
			.findFirst()
			.orElse(taskId);
	}

	/**
	 * Removes a pending signer (减签): one added after the actor, or a person of the same parallel
	 * multi-person node who has not acted yet. Never the last person of the node, never one who acted.
	 */
	@Transactional
	public void removeSigner(String taskId, UUID actor, UUID person, Note note) {
		Held held = hold(taskId, actor);
		if (actor.equals(person)) {
			throw PlatformException.invalid(List.of(new FieldProblem("personId", "workflow.signer-self")));
		}
		List<String> after = new ArrayList<>(operations.afterSigners(taskId));
		if (after.remove(person.toString())) {
			operations.afterSigners(taskId, after);
		}
		else {
			String nodeId = held.task().nodeId();
			List<TaskRecord> sameNode = instances.tasks(held.instance().id()).stream()
				.filter(t -> t.nodeId().equals(nodeId) && person.equals(t.assigneeId())).toList();
			TaskRecord pending = sameNode.stream().filter(t -> "OPEN".equals(t.status())).findFirst().orElse(null);
			if (pending == null) {
				if (sameNode.isEmpty()) {
					throw PlatformException.notFound("signer", person);
				}
				throw PlatformException.conflict("workflow.signer-acted");
			}
			long openAtNode = instances.openTasks(held.instance().id()).stream().filter(t -> t.nodeId().equals(nodeId)).count();
			if (openAtNode < 2) {
				throw PlatformException.conflict("workflow.signer-last");
			}
			String execution = engine.openTasks(held.instance().engineInstanceId()).stream()
				.filter(t -> t.id().equals(pending.id())).map(EngineTask::executionId).findFirst()
				.orElseThrow(() -> PlatformException.conflict("workflow.task-closed"));
			operations.removeSigner(execution);
			instances.closeTask(pending.id(), "CANCELLED", "SIGNER_REMOVED");
		}
		record(held, "SIGNER_REMOVED", actor, note, Map.of("person", person.toString()));
		runtime.settle(held.instance().id());
	}

	/**
	 * Urge (催办): reminds the current assignee. The applicant or an earlier handler of the instance may
	 * urge, once per {@link #URGE_INTERVAL} per instance; sooner is 429.
	 */
	@Transactional
	public void urge(String taskId, UUID actor, Note note) {
		TaskRecord task = instances.lockTaskWithInstance(taskId).orElseThrow(() -> PlatformException.notFound("task", taskId));
		InstanceRecord instance = instances.lock(task.instanceId()).orElseThrow();
		boolean involved = instance.applicantId().equals(actor) || instances.isHandler(instance.id(), actor);
		if (!involved || actor.equals(task.assigneeId())) {
			throw PlatformException.notFound("task", taskId);
		}
		InstanceRuntime.requireRunning(instance);
		if (!"OPEN".equals(task.status())) {
			throw PlatformException.conflict("workflow.task-closed");
		}
		if (instances.actedSince(instance.id(), actor, "URGED", URGE_INTERVAL)) {
			throw new PlatformException(HttpStatus.TOO_MANY_REQUESTS, "workflow.urge-too-often",
					URGE_INTERVAL.toMinutes());
		}
		instances.action(instance.id(), taskId, task.nodeId(), "URGED", actor, note.comment(), note.attachments(), null,
				Map.of("assignee", task.assigneeId().toString()));
		audit.record("workflow.task.urge", "workflow-task:" + taskId, Map.of("instance", instance.id().toString()));
		ProcessVersion version = runtime.version(instance);
		Map<String, String> process = NoticeNames.both(version.name(), instance.processKey());
		boolean noComment = note.comment() == null || note.comment().isBlank();
		Map<String, String> variables = new java.util.HashMap<>(NoticeNames.task(process, version.nodeName(task.nodeId()),
				task.nodeId()));
		variables.putAll(Map.of("process", process.get("zh-CN"), "processEn", process.get("en-US"),
				"note", noComment ? "。" : "：" + note.comment(), "noteEn", noComment ? "." : ": " + note.comment()));
		directory.contact(task.assigneeId()).map(PersonDirectory.Contact::username).filter(Objects::nonNull)
			.ifPresent(username -> messaging.send(new SendMessage("module:workflow",
					"workflow-urge:" + taskId + ":" + actor + ":" + System.currentTimeMillis() / URGE_INTERVAL.toMillis(),
					"todo", SendMessage.Recipients.persons(username), "workflow-urged", variables, null, null, null)));
	}

	/** The task, locked, held open by the actor in a running instance. */
	private record Held(TaskRecord task, InstanceRecord instance, ProcessVersion version) {
	}

	/**
	 * Locks the task and its instance for the actor. Someone who never held the task gets 404; the
	 * holder of a task that was meanwhile handled or passed on (a second, concurrent or repeated request) 409.
	 */
	private Held hold(String taskId, UUID actor) {
		TaskRecord task = instances.lockTaskWithInstance(taskId).orElseThrow(() -> PlatformException.notFound("task", taskId));
		if (!actor.equals(task.assigneeId()) || !"OPEN".equals(task.status())) {
			if (instances.actedOnTask(taskId, actor)) {
				throw PlatformException.conflict("workflow.task-closed");
			}
			throw PlatformException.notFound("task", taskId);
		}
		InstanceRecord instance = instances.lock(task.instanceId()).orElseThrow();
		InstanceRuntime.requireRunning(instance);
		return new Held(task, instance, runtime.version(instance));
	}

	private void record(Held held, String action, UUID actor, Note note, Map<String, String> details) {
		instances.action(held.instance().id(), held.task().id(), held.task().nodeId(), action, actor, note.comment(),
				note.attachments(), held.instance().formData(), details);
		Map<String, Object> audited = new LinkedHashMap<>(details);
		audited.put("instance", held.instance().id().toString());
		audit.record("workflow.task." + action.toLowerCase().replace('_', '-'), "workflow-task:" + held.task().id(), audited);
	}

	private void announce(Held held, UUID person) {
		events.publishEvent(TaskHandedOver.of(held.instance(), held.task(), held.version().nodeName(held.task().nodeId()),
				person));
	}

	private void requireOtherPerson(UUID actor, UUID person) {
		if (person == null || directory.contact(person).isEmpty()) {
			throw PlatformException.invalid(List.of(new FieldProblem("personId", "workflow.person-unknown")));
		}
		if (actor.equals(person)) {
			throw PlatformException.invalid(List.of(new FieldProblem("personId", "workflow.signer-self")));
		}
	}

	private void noPendingDelegation(String taskId) {
		if (operations.pendingDelegationOwner(taskId) != null) {
			throw PlatformException.conflict("workflow.task-delegated");
		}
	}
}
