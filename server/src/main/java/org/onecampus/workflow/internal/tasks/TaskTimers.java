package org.onecampus.workflow.internal.tasks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.internal.calendar.BusinessCalendar;
import org.onecampus.workflow.internal.calendar.BusinessCalendars;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node timers over our task table (not Flowable timer events, so BPMN from either designer works):
 * the node config {@code timer} ({@code remindAfter}, {@code remindEvery}, {@code deadline},
 * {@code onDeadline}, optional {@code calendar}) is turned into due times in working time of the
 * business calendar, counted from the task's creation, the first time the job sees the open task.
 * Due reminders go to the current assignee and repeat every {@code remindEvery} until the task is acted
 * on or the deadline comes; at the deadline the task is approved ("超时自动通过"), the instance
 * rejected, or the task handed to the assignee's superior (org chart one level up) or else to the
 * first process administrator — all as the system, in the instance timeline and the audit log.
 * <p>
 * Cluster-safe: each timer is handled in its own transaction that holds its row
 * ({@code for update skip locked}) and then the task and instance rows; due-ness and the task being
 * open are checked again under those locks, so a timer is acted on once and a task someone acted on
 * meanwhile is left alone.
 */
@Component
class TaskTimers {

	private static final Logger log = LoggerFactory.getLogger(TaskTimers.class);

	static final String AUTO_APPROVE_COMMENT = "超时自动通过";

	static final String AUTO_REJECT_COMMENT = "超时自动驳回";

	static final String ESCALATE_COMMENT = "超时未处理，已转交上级";

	private static final int BATCH = 200;

	/** A due reminder, sent through messaging after the job's transaction committed. */
	public record TaskReminder(String taskId, UUID instanceId, String processKey, Map<String, String> nodeName,
			UUID assigneeId, int round) {
	}

	/** A task handed to {@code assigneeId} at its deadline, notified after the job's transaction committed. */
	public record TaskEscalated(String taskId, UUID instanceId, String processKey, Map<String, String> nodeName,
			UUID assigneeId) {
	}

	private record Timer(String taskId, String calendar, Instant nextRemindAt, Instant deadlineAt, String onDeadline,
			int remindersSent) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final Instances instances;

	private final InstanceRuntime runtime;

	private final ApproverRules rules;

	private final BusinessCalendars calendars;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	TaskTimers(JdbcClient jdbc, JsonMapper json, TransactionTemplate transaction, Instances instances,
			InstanceRuntime runtime, ApproverRules rules, BusinessCalendars calendars, ApplicationEventPublisher events,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.transaction = transaction;
		this.instances = instances;
		this.runtime = runtime;
		this.rules = rules;
		this.calendars = calendars;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${onecampus.workflow.timers.check:PT1M}", initialDelayString = "PT1M")
	void check() {
		int handled = run(clock.instant());
		if (handled > 0) {
			log.info("Workflow timers: {} reminders or deadlines handled", handled);
		}
	}

	/** @return how many reminders and deadlines this node handled */
	int run(Instant now) {
		schedule();
		int handled = 0;
		for (String taskId : dueTaskIds(now)) {
			try {
				Boolean done = transaction.execute(status -> handle(taskId, now));
				handled += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Workflow timer of task {} failed; retried on the next run", taskId, ex);
			}
		}
		return handled;
	}

	/** Computes the due times of open tasks with a node timer that have none yet. */
	void schedule() {
		record Pending(String taskId, Instant createdAt, String timer) {
		}
		List<Pending> pending = jdbc.sql("""
				select t.id, t.created_at, (v.nodes -> t.node_id -> 'config' -> 'timer')::text as timer
				from workflow_task t
				join workflow_instance i on i.id = t.instance_id
				join workflow_process_version v on v.process_key = i.process_key and v.version = i.version
				where t.status = 'OPEN' and jsonb_typeof(v.nodes -> t.node_id -> 'config' -> 'timer') = 'object'
				  and not exists (select 1 from workflow_task_timer x where x.task_id = t.id)
				limit :batch""").param("batch", BATCH)
			.query((rs, n) -> new Pending(rs.getString("id"), rs.getTimestamp("created_at").toInstant(), rs.getString("timer")))
			.list();
		for (Pending task : pending) {
			JsonNode timer = json.readTree(task.timer());
			BusinessCalendar calendar = calendar(timer.path("calendar").asString(""));
			Instant remind = at(calendar, task.createdAt(), text(timer, "remindAfter").or(() -> text(timer, "remindEvery")));
			Instant deadline = at(calendar, task.createdAt(), text(timer, "deadline"));
			String onDeadline = deadline == null ? null : text(timer, "onDeadline").orElse(null);
			boolean active = remind != null || onDeadline != null;
			jdbc.sql("""
					insert into workflow_task_timer (task_id, calendar_code, next_remind_at, deadline_at, on_deadline, state)
					values (:t, :c, :r, :d, :o, :s) on conflict (task_id) do nothing""")
				.param("t", task.taskId()).param("c", calendar.code()).param("r", timestamp(remind))
				.param("d", timestamp(deadline)).param("o", onDeadline).param("s", active ? "ACTIVE" : "DONE").update();
		}
	}

	private List<String> dueTaskIds(Instant now) {
		return jdbc.sql("""
				select task_id from workflow_task_timer
				where state = 'ACTIVE' and least(next_remind_at, deadline_at) <= :now
				order by least(next_remind_at, deadline_at) limit :batch""")
			.param("now", Timestamp.from(now)).param("batch", BATCH).query(String.class).list();
	}

	private boolean handle(String taskId, Instant now) {
		Optional<Timer> locked = jdbc.sql("""
				select task_id, calendar_code, next_remind_at, deadline_at, on_deadline, reminders_sent from workflow_task_timer
				where task_id = :t and state = 'ACTIVE' and least(next_remind_at, deadline_at) <= :now
				for update skip locked""")
			.param("t", taskId).param("now", Timestamp.from(now))
			.query((rs, n) -> new Timer(rs.getString("task_id"), rs.getString("calendar_code"),
					instant(rs.getTimestamp("next_remind_at")), instant(rs.getTimestamp("deadline_at")),
					rs.getString("on_deadline"), rs.getInt("reminders_sent")))
			.optional();
		if (locked.isEmpty()) {
			return false;
		}
		Timer timer = locked.get();
		TaskRecord task = instances.lockTask(taskId).orElseThrow();
		if (!"OPEN".equals(task.status())) {
			done(taskId);
			return false;
		}
		InstanceRecord instance = instances.lock(task.instanceId()).orElseThrow();
		if (!"RUNNING".equals(instance.status())) {
			if (!instance.active()) {
				done(taskId);
			}
			return false;
		}
		if (timer.deadlineAt() != null && !timer.deadlineAt().isAfter(now)) {
			onDeadline(timer, task, instance);
			done(taskId);
			return true;
		}
		remind(timer, task, instance, now);
		return true;
	}

	private void remind(Timer timer, TaskRecord task, InstanceRecord instance, Instant now) {
		ProcessVersion version = runtime.version(instance);
		JsonNode config = version.config(task.nodeId()).path("timer");
		int round = timer.remindersSent() + 1;
		Instant next = text(config, "remindEvery").flatMap(TaskTimers::duration).map(every -> {
			BusinessCalendar calendar = calendar(timer.calendar());
			Instant candidate = calendar.plus(timer.nextRemindAt(), every);
			return candidate.isAfter(now) ? candidate : calendar.plus(now, every);
		}).filter(at -> timer.deadlineAt() == null || at.isBefore(timer.deadlineAt())).orElse(null);
		jdbc.sql("update workflow_task_timer set reminders_sent = :n, next_remind_at = :next, state = :s where task_id = :t")
			.param("n", round).param("next", timestamp(next))
			.param("s", next == null && timer.onDeadline() == null ? "DONE" : "ACTIVE").param("t", task.id()).update();
		instances.action(instance.id(), task.id(), task.nodeId(), "REMINDED", null, null, null, null,
				Map.of("round", round, "assignee", task.assigneeId().toString()));
		audit.record(new AuditEntry("system", "workflow.task.remind", "workflow-task:" + task.id(),
				Map.of("instance", instance.id().toString(), "round", round), null));
		events.publishEvent(new TaskReminder(task.id(), instance.id(), instance.processKey(), version.nodeName(task.nodeId()),
				task.assigneeId(), round));
	}

	private void onDeadline(Timer timer, TaskRecord task, InstanceRecord instance) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("deadline", timer.deadlineAt().toString());
		details.put("onDeadline", timer.onDeadline());
		switch (timer.onDeadline()) {
			case "AUTO_APPROVE" -> {
				runtime.approveAsSystem(task, instance, AUTO_APPROVE_COMMENT, details);
				systemAudit("workflow.task.timeout-approve", task, instance, details);
			}
			case "AUTO_REJECT" -> {
				runtime.rejectAsSystem(task, instance, AUTO_REJECT_COMMENT, details);
				systemAudit("workflow.task.timeout-reject", task, instance, details);
			}
			case "ESCALATE" -> {
				List<UUID> candidates = escalationTargets(task, instance);
				if (candidates.isEmpty()) {
					log.warn("Task {} is past its deadline but has no superior and no process administrator", task.id());
					return;
				}
				details.put("from", task.assigneeId().toString());
				details.put("to", candidates.get(0).toString());
				runtime.reassignAsSystem(task, instance, candidates.get(0), ESCALATE_COMMENT, details);
				events.publishEvent(new TaskEscalated(task.id(), instance.id(), instance.processKey(),
						runtime.version(instance).nodeName(task.nodeId()), candidates.get(0)));
				systemAudit("workflow.task.escalate", task, instance, details);
			}
			default -> log.warn("Task {} has an unknown onDeadline {}", task.id(), timer.onDeadline());
		}
	}

	/** The assignee's superior (one level up the org chart), else the process administrators. */
	private List<UUID> escalationTargets(TaskRecord task, InstanceRecord instance) {
		List<UUID> targets = new ArrayList<>(rules.superior(task.assigneeId()));
		if (targets.isEmpty()) {
			targets.addAll(runtime.version(instance).admins());
		}
		targets.remove(task.assigneeId());
		return targets;
	}

	private void systemAudit(String action, TaskRecord task, InstanceRecord instance, Map<String, Object> details) {
		Map<String, Object> audited = new LinkedHashMap<>(details);
		audited.put("instance", instance.id().toString());
		audit.record(new AuditEntry("system", action, "workflow-task:" + task.id(), audited, null));
	}

	private void done(String taskId) {
		jdbc.sql("update workflow_task_timer set state = 'DONE' where task_id = :t").param("t", taskId).update();
	}

	private BusinessCalendar calendar(String code) {
		try {
			return calendars.calendar(code);
		}
		catch (PlatformException ex) {
			log.warn("Timer calendar {} does not exist; the default calendar is used", code);
			return calendars.calendar(null);
		}
	}

	private static Instant at(BusinessCalendar calendar, Instant from, Optional<String> duration) {
		if (duration.isEmpty()) {
			return null;
		}
		try {
			return calendar.plus(from, BusinessCalendar.parseDuration(duration.get()));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignoring the timer duration {}: {}", duration.get(), ex.getMessage());
			return null;
		}
	}

	private static Optional<java.time.Duration> duration(String text) {
		try {
			return Optional.of(BusinessCalendar.parseDuration(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> text(JsonNode node, String field) {
		String value = node.path(field).asString("");
		return value.isBlank() ? Optional.empty() : Optional.of(value);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
