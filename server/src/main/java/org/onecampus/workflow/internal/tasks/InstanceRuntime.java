package org.onecampus.workflow.internal.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Audience;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.ProcessInstanceEnded;
import org.onecampus.workflow.ProcessInstanceResumed;
import org.onecampus.workflow.ProcessInstanceStarted;
import org.onecampus.workflow.ProcessInstanceSuspended;
import org.onecampus.workflow.Processes;
import org.onecampus.workflow.TaskCreated;
import org.onecampus.workflow.internal.engine.EngineTask;
import org.onecampus.workflow.internal.engine.FlowableEngine;
import org.onecampus.workflow.internal.engine.FlowableTaskOperations;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Starts instances and carries out the actions on them. After every engine call the task projection
 * is brought in line with the engine ({@link #settle}): new tasks are recorded (and approved at once
 * where the self-approve or approve-once policy says so), vanished ones closed, and an instance that
 * left the engine is marked ended. Every action appends to the instance's audit trail and the audit log.
 */
@Service
class InstanceRuntime implements Processes {

	/** Settling stops after this many rounds of automatic approvals (a safety net against loops). */
	private static final int MAX_ROUNDS = 100;

	private final Instances instances;

	private final ProcessVersions versions;

	private final FlowableEngine engine;

	private final PersonDirectory directory;

	private final ObjectProvider<Forms> forms;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final FlowableTaskOperations operations;

	InstanceRuntime(Instances instances, ProcessVersions versions, FlowableEngine engine, PersonDirectory directory,
			ObjectProvider<Forms> forms, ApplicationEventPublisher events, AuditLog audit, FlowableTaskOperations operations) {
		this.instances = instances;
		this.versions = versions;
		this.engine = engine;
		this.operations = operations;
		this.directory = directory;
		this.forms = forms;
		this.events = events;
		this.audit = audit;
	}

	@Override
	@Transactional
	public InstanceSummary start(String processKey, UUID applicantId, Map<String, Object> formData,
			Map<String, List<UUID>> assignees, String idempotencyKey) {
		if (idempotencyKey != null) {
			Optional<InstanceRecord> earlier = instances.byIdempotencyKey(applicantId, idempotencyKey);
			if (earlier.isPresent()) {
				return summary(earlier.get(), false);
			}
		}
		ProcessVersion version = versions.latest(processKey).orElseThrow(() -> PlatformException.notFound("process", processKey));
		if (!mayStart(version, applicantId)) {
			throw new PlatformException(HttpStatus.FORBIDDEN, "workflow.not-an-applicant", processKey);
		}
		Map<String, Object> data = validate(version, applicantId, null, Map.of(), formData == null ? Map.of() : formData);
		Map<String, List<UUID>> chosen = choices(version, "APPLICANT_CHOOSES", assignees, true);
		UUID id = UUID.randomUUID();
		if (!instances.insert(id, processKey, version.version(), applicantId, data, idempotencyKey)) {
			return summary(instances.byIdempotencyKey(applicantId, idempotencyKey).orElseThrow(), false);
		}
		chosen.forEach((node, persons) -> instances.choose(id, node, persons, applicantId));
		instances.action(id, null, "start", "SUBMITTED", applicantId, null, null, data, Map.of());
		InstanceRecord started = instances.engineInstance(id, engine.start(version.engineDefinitionId(), id.toString(),
				Map.of("applicant", applicantId.toString())));
		audit.record("workflow.instance.start", "workflow-instance:" + id, Map.of("process", processKey,
				"version", version.version()));
		events.publishEvent(new ProcessInstanceStarted(id, processKey, version.version(), applicantId));
		return new InstanceSummary(id, processKey, version.version(), applicantId, settle(started), true);
	}

	@Override
	public Optional<InstanceSummary> instance(UUID instanceId) {
		return instances.find(instanceId).map(i -> summary(i, false));
	}

	/** What an approver sends with an approval (or a handler with "done"). */
	record Decision(String comment, Map<String, Object> formData, List<Object> attachments,
			Map<String, List<UUID>> assignees) {
	}

	/**
	 * Approves one task. Two approvers (or two requests) on one task: the task row lock serves them
	 * one after the other and the second finds the task closed: 409.
	 */
	@Transactional
	public InstanceSummary approve(String taskId, UUID actor, Decision decision) {
		Instances.Locked locked = openTaskOf(taskId, actor);
		TaskRecord task = locked.task();
		InstanceRecord instance = locked.instance();
		requireRunning(instance);
		ProcessVersion version = version(instance);
		Map<String, Object> data = instance.formData();
		if (decision.formData() != null && !decision.formData().isEmpty()) {
			data = validate(version, actor, task.nodeId(), instance.formData(), decision.formData());
			instances.formData(instance.id(), data);
		}
		choices(version, "PREVIOUS_CHOOSES", decision.assignees(), false)
			.forEach((node, persons) -> instances.choose(instance.id(), node, persons, actor));
		String passedTo = operations.passOn(taskId);
		if (passedTo != null) {
			// a delegate or a signer added before acted: the task goes back to its owner; or on to a signer added after
			UUID next = UUID.fromString(passedTo);
			instances.reassignTask(taskId, next);
			instances.action(instance.id(), taskId, task.nodeId(), "APPROVED", actor, decision.comment(),
					decision.attachments(), data, Map.of("passedTo", passedTo));
			audit.record("workflow.task.approve", "workflow-task:" + taskId, Map.of("instance", instance.id().toString(),
					"passedTo", passedTo));
			events.publishEvent(TaskHandedOver.of(instance, task, version.nodeName(task.nodeId()), next));
			return summary(instances.find(instance.id()).orElseThrow(), false);
		}
		instances.closeTaskWithAction("DONE", "APPROVED", instance.id(), taskId, task.nodeId(), "APPROVED", actor,
				decision.comment(), decision.attachments(), data, Map.of());
		InstanceRecord current = new InstanceRecord(instance.id(), instance.processKey(), instance.version(),
				instance.engineInstanceId(), instance.applicantId(), instance.status(), data, instance.startedAt(),
				instance.endedAt());
		RuntimeHooks.during(current, () -> engine.complete(taskId, Map.of()));
		audit.record("workflow.task.approve", "workflow-task:" + taskId, Map.of("instance", instance.id().toString()));
		String status = settle(current);
		return new InstanceSummary(instance.id(), instance.processKey(), instance.version(), instance.applicantId(), status,
				false);
	}

	/** Rejects: the instance ends as rejected at once. */
	@Transactional
	public InstanceSummary reject(String taskId, UUID actor, String comment, List<Object> attachments) {
		Instances.Locked locked = openTaskOf(taskId, actor);
		TaskRecord task = locked.task();
		InstanceRecord instance = locked.instance();
		requireRunning(instance);
		instances.closeTask(taskId, "DONE", "REJECTED");
		instances.action(instance.id(), taskId, task.nodeId(), "REJECTED", actor, comment, attachments, instance.formData(),
				Map.of());
		audit.record("workflow.task.reject", "workflow-task:" + taskId, Map.of("instance", instance.id().toString()));
		end(instance, "REJECTED");
		return summary(instances.find(instance.id()).orElseThrow(), false);
	}

	/** The applicant withdraws while no approver has acted yet. */
	@Transactional
	public InstanceSummary withdraw(UUID instanceId, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).filter(i -> i.applicantId().equals(actor))
			.orElseThrow(() -> PlatformException.notFound("instance", instanceId));
		if (!instance.active() && !"RETURNED".equals(instance.status())) {
			throw PlatformException.conflict("workflow.instance-ended", instanceId);
		}
		if (!"RETURNED".equals(instance.status()) && instances.approverActed(instanceId, actor)) {
			throw PlatformException.conflict("workflow.withdraw-too-late");
		}
		instances.action(instanceId, null, null, "WITHDRAWN", actor, reason, null, null, Map.of());
		audit.record("workflow.instance.withdraw", "workflow-instance:" + instanceId, Map.of());
		end(instance, "WITHDRAWN");
		return summary(instances.find(instanceId).orElseThrow(), false);
	}

	/** An administrator hands an open task to another person. */
	@Transactional
	public void reassign(UUID instanceId, String taskId, UUID assignee, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).orElseThrow();
		requireRunning(instance);
		TaskRecord task = instances.lockTask(taskId).filter(t -> t.instanceId().equals(instanceId) && "OPEN".equals(t.status()))
			.orElseThrow(() -> PlatformException.notFound("task", taskId));
		if (directory.contact(assignee).isEmpty()) {
			throw PlatformException.invalid(List.of(new FieldProblem("assigneeId", "workflow.person-unknown")));
		}
		engine.assign(taskId, assignee.toString());
		instances.reassignTask(taskId, assignee);
		adminAction(instance, taskId, task.nodeId(), "REASSIGNED", actor, reason,
				Map.of("from", task.assigneeId().toString(), "to", assignee.toString()));
		// The task is not new: a hand-over notice (its own idempotency key) tells the new assignee.
		events.publishEvent(TaskHandedOver.of(instance, task, version(instance).nodeName(task.nodeId()), assignee));
	}

	/** An administrator moves the instance from where it waits to another node. */
	@Transactional
	public void move(UUID instanceId, String toNodeId, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).orElseThrow();
		requireRunning(instance);
		ProcessVersion version = version(instance);
		if (version.nodes().path(toNodeId).isMissingNode()
				|| !List.of("APPROVER", "HANDLER").contains(version.nodeType(toNodeId))) {
			throw PlatformException.invalid(List.of(new FieldProblem("toNodeId", "workflow.node-unknown", toNodeId)));
		}
		List<String> active = engine.activeActivityIds(instance.engineInstanceId());
		adminAction(instance, null, toNodeId, "MOVED", actor, reason, Map.of("from", active, "to", toNodeId));
		engine.moveActivities(instance.engineInstanceId(), active, toNodeId);
		settle(instanceId);
	}

	@Transactional
	public void suspend(UUID instanceId, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).orElseThrow();
		requireRunning(instance);
		engine.suspend(instance.engineInstanceId());
		instances.status(instanceId, "SUSPENDED", false);
		adminAction(instance, null, null, "SUSPENDED", actor, reason, Map.of());
		events.publishEvent(new ProcessInstanceSuspended(instanceId, instance.processKey(), instance.applicantId(), actor,
				reason, Instant.now()));
	}

	@Transactional
	public void resume(UUID instanceId, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).orElseThrow();
		if (!"SUSPENDED".equals(instance.status())) {
			throw PlatformException.conflict("workflow.instance-not-suspended", instanceId);
		}
		engine.resume(instance.engineInstanceId());
		instances.status(instanceId, "RUNNING", false);
		adminAction(instance, null, null, "RESUMED", actor, reason, Map.of());
		events.publishEvent(new ProcessInstanceResumed(instanceId, instance.processKey(), instance.applicantId(), actor,
				reason, Instant.now()));
	}

	@Transactional
	public void terminate(UUID instanceId, UUID actor, String reason) {
		InstanceRecord instance = instances.lock(instanceId).orElseThrow();
		if (!instance.active()) {
			throw PlatformException.conflict("workflow.instance-ended", instanceId);
		}
		adminAction(instance, null, null, "TERMINATED", actor, reason, Map.of());
		end(instance, "TERMINATED");
	}

	/**
	 * The timer job approves an open task as the system (actor null) at its deadline. The caller holds
	 * the task and instance locks inside its transaction.
	 */
	void approveAsSystem(TaskRecord task, InstanceRecord instance, String comment, Map<String, ?> details) {
		instances.closeTask(task.id(), "DONE", "TIMEOUT_APPROVED");
		instances.action(instance.id(), task.id(), task.nodeId(), "TIMEOUT_APPROVED", null, comment, null,
				instance.formData(), details);
		engine.complete(task.id(), Map.of());
		settle(instance.id());
	}

	/** The timer job rejects the instance as the system at a task's deadline (same locking as above). */
	void rejectAsSystem(TaskRecord task, InstanceRecord instance, String comment, Map<String, ?> details) {
		instances.closeTask(task.id(), "DONE", "TIMEOUT_REJECTED");
		instances.action(instance.id(), task.id(), task.nodeId(), "TIMEOUT_REJECTED", null, comment, null,
				instance.formData(), details);
		end(instance, "REJECTED");
	}

	/**
	 * The timer job hands an open task to another person (escalation), as the system; the job tells the
	 * new assignee (the task id is not new, so the new-task notice does not apply).
	 */
	void reassignAsSystem(TaskRecord task, InstanceRecord instance, UUID assignee, String comment, Map<String, ?> details) {
		engine.assign(task.id(), assignee.toString());
		instances.reassignTask(task.id(), assignee);
		instances.action(instance.id(), task.id(), task.nodeId(), "ESCALATED", null, comment, null, null, details);
	}

	private void adminAction(InstanceRecord instance, String taskId, String nodeId, String action, UUID actor,
			String reason, Map<String, ?> details) {
		instances.action(instance.id(), taskId, nodeId, action, actor, reason, null, null, details);
		Map<String, Object> audited = new LinkedHashMap<>(details);
		audited.put("reason", reason == null ? "" : reason);
		audit.record("workflow.instance." + action.toLowerCase(), "workflow-instance:" + instance.id(), audited);
	}

	/**
	 * Brings our task projection in line with the engine after an engine call, applies the automatic
	 * approvals and the empty-approver rejections, and marks an instance that left the engine ended.
	 */
	void settle(UUID instanceId) {
		settle(instances.find(instanceId).orElseThrow());
	}

	/**
	 * {@link #settle(UUID)} starting from the instance as the caller holds it (locked, with the data it
	 * just wrote); later rounds read it again.
	 * @return the instance's status afterwards
	 */
	String settle(InstanceRecord current) {
		UUID instanceId = current.id();
		InstanceRecord instance = current;
		for (int round = 0; round < MAX_ROUNDS; round++) {
			if (round > 0) {
				instance = instances.find(instanceId).orElseThrow();
			}
			Set<UUID> rejected = RuntimeHooks.takeRejections();
			if (rejected.contains(instanceId)) {
				end(instance, "REJECTED");
				return "REJECTED";
			}
			// open engine tasks mean the instance runs; only without any is the engine asked whether it ended
			List<EngineTask> open = engine.openTasks(instance.engineInstanceId());
			if (open.isEmpty() && !engine.isRunning(instance.engineInstanceId())) {
				if (instance.active()) {
					instances.endApproved(instanceId, instance.formData());
					events.publishEvent(new ProcessInstanceEnded(instanceId, instance.processKey(), instance.applicantId(),
							"APPROVED"));
					return "APPROVED";
				}
				instances.cancelOpenTasks(instanceId, "ENDED");
				return instance.status();
			}
			if (!syncTasks(instance, open)) {
				return instance.status();
			}
		}
		throw new IllegalStateException("instance " + instanceId + " did not settle");
	}

	/** @return whether a task was approved automatically (another round is needed) */
	private boolean syncTasks(InstanceRecord instance, List<EngineTask> open) {
		ProcessVersion version = version(instance);
		Set<String> openIds = new java.util.HashSet<>();
		open.forEach(t -> openIds.add(t.id()));
		Set<String> known = new java.util.HashSet<>();
		for (TaskRecord ours : instances.tasks(instance.id())) {
			known.add(ours.id());
			if ("OPEN".equals(ours.status()) && !openIds.contains(ours.id())) {
				instances.closeTask(ours.id(), "CANCELLED", "NOT_NEEDED");
			}
		}
		Map<String, List<EngineTask>> created = new LinkedHashMap<>();
		for (EngineTask task : open) {
			if (known.contains(task.id())) {
				continue;
			}
			UUID assignee = UUID.fromString(task.assignee());
			instances.insertTask(task.id(), instance.id(), task.nodeId(), version.nodeName(task.nodeId()),
					version.nodeType(task.nodeId()), assignee);
			String auto = automaticApproval(instance, version.config(task.nodeId()), assignee);
			if (auto != null) {
				instances.closeTask(task.id(), "DONE", "AUTO_APPROVED");
				instances.action(instance.id(), task.id(), task.nodeId(), "AUTO_APPROVED", assignee, null, null, null,
						Map.of("reason", auto));
				engine.complete(task.id(), Map.of());
				return true;
			}
			created.computeIfAbsent(task.nodeId(), n -> new ArrayList<>()).add(task);
		}
		created.forEach((node, tasks) -> events.publishEvent(new TaskCreated(instance.id(), instance.processKey(), node,
				version.nodeName(node), tasks.stream().map(EngineTask::id).toList(),
				tasks.stream().map(t -> UUID.fromString(t.assignee())).toList())));
		return false;
	}

	/** @return why the task is approved at once (self-approve, approve once), or null */
	private String automaticApproval(InstanceRecord instance, JsonNode config, UUID assignee) {
		if (assignee.equals(instance.applicantId()) && "SELF_APPROVE".equals(config.path("selfPolicy").asString(""))) {
			return "SELF_APPROVE";
		}
		if ("ONCE".equals(config.path("repeatPolicy").asString("")) && instances.approvedBefore(instance.id(), assignee)) {
			return "APPROVED_BEFORE";
		}
		return null;
	}

	void end(InstanceRecord instance, String outcome) {
		if (engine.isRunning(instance.engineInstanceId())) {
			engine.end(instance.engineInstanceId(), outcome);
		}
		instances.cancelOpenTasks(instance.id(), outcome);
		instances.status(instance.id(), outcome, true);
		events.publishEvent(new ProcessInstanceEnded(instance.id(), instance.processKey(), instance.applicantId(), outcome));
	}

	/** The actor's task and its instance, both locked; 404 when not theirs, 409 when closed meanwhile. */
	private Instances.Locked openTaskOf(String taskId, UUID actor) {
		Instances.Locked locked = instances.lockInstanceAndTask(taskId).filter(l -> l.task().assigneeId().equals(actor))
			.orElseThrow(() -> PlatformException.notFound("task", taskId));
		if (!"OPEN".equals(locked.task().status())) {
			throw PlatformException.conflict("workflow.task-closed");
		}
		return locked;
	}

	static void requireRunning(InstanceRecord instance) {
		if ("SUSPENDED".equals(instance.status())) {
			throw PlatformException.conflict("workflow.instance-suspended", instance.id());
		}
		if (!instance.active()) {
			throw PlatformException.conflict("workflow.instance-ended", instance.id());
		}
	}

	ProcessVersion version(InstanceRecord instance) {
		return versions.find(instance.processKey(), instance.version()).orElseThrow();
	}

	Map<String, Object> validate(ProcessVersion version, UUID person, String nodeId, Map<String, Object> previous,
			Map<String, Object> submitted) {
		if (version.formKey() == null) {
			if (nodeId != null) {
				throw PlatformException.invalid(List.of(new FieldProblem("formData", "workflow.form-not-editable")));
			}
			return new LinkedHashMap<>(submitted);
		}
		Forms available = forms.getIfAvailable();
		if (available == null) {
			throw new IllegalStateException("the process " + version.processKey() + " has a form but no Forms service runs");
		}
		// The start node (first submission and resubmission after a return): fields without an explicit
		// permission are the applicant's to fill; at other nodes they are read-only.
		return available.validate(version.formKey(), version.formVersion(), person, access(version, nodeId), previous,
				submitted, nodeId == null);
	}

	/** Field permissions of a node ({@code start} for the applicant). */
	static Map<String, FieldAccess> access(ProcessVersion version, String nodeId) {
		JsonNode permissions = nodeId == null ? version.nodes().path("start").path("config").path("fieldPermissions")
				: version.config(nodeId).path("fieldPermissions");
		Map<String, FieldAccess> access = new LinkedHashMap<>();
		permissions.properties().forEach(e -> access.put(e.getKey(), FieldAccess.valueOf(e.getValue().asString())));
		return access;
	}

	/**
	 * Approvers chosen for nodes whose rule is {@code rule}: every chosen node must have that rule and
	 * every person must exist; at submit, every such node must be given.
	 */
	private Map<String, List<UUID>> choices(ProcessVersion version, String rule, Map<String, List<UUID>> given,
			boolean required) {
		Map<String, List<UUID>> chosen = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, List<UUID>> input = given == null ? Map.of() : given;
		input.forEach((node, persons) -> {
			if (!rule.equals(version.config(node).path("assignee").path("rule").asString(""))) {
				problems.add(new FieldProblem("assignees." + node, "workflow.choice-not-allowed"));
			}
			else if (persons == null || persons.isEmpty()
					|| directory.contacts(persons).size() != Instances.distinct(persons).size()) {
				problems.add(new FieldProblem("assignees." + node, "workflow.person-unknown"));
			}
			else {
				chosen.put(node, Instances.distinct(persons));
			}
		});
		if (required) {
			version.nodes().properties().forEach(e -> {
				if (rule.equals(e.getValue().path("config").path("assignee").path("rule").asString(""))
						&& !input.containsKey(e.getKey())) {
					problems.add(new FieldProblem("assignees." + e.getKey(), "workflow.choice-required"));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		return chosen;
	}

	/** Whether the person is in the version's applicant scope (everyone when the scope is empty). */
	boolean mayStart(ProcessVersion version, UUID applicant) {
		JsonNode scope = version.applicants();
		List<String> types = strings(scope.path("affiliationTypes"));
		List<String> roles = strings(scope.path("roles"));
		List<String> units = strings(scope.path("orgUnits"));
		if (types.isEmpty() && roles.isEmpty() && units.isEmpty()) {
			return true;
		}
		return directory.resolve(new Audience(null, units, true, null, roles, types)).personIds().contains(applicant);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	private static InstanceSummary summary(InstanceRecord instance, boolean created) {
		return new InstanceSummary(instance.id(), instance.processKey(), instance.version(), instance.applicantId(),
				instance.status(), created);
	}
}
