package org.onecampus.workflow.internal.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.calendar.BusinessCalendar;
import org.onecampus.workflow.internal.calendar.BusinessCalendars;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Node timers driven by the timer job at chosen instants (the job takes "now" as an argument; the
 * scheduled run uses the application clock): reminders, their repetition, and each deadline action.
 */
@IntegrationTest
class TaskTimersIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	@Autowired
	TaskTimers timers;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApproverRules rules;

	final JsonMapper json = JsonMapper.builder().build();

	WorkflowFixtures fx;

	BusinessCalendar calendar;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		calendar = calendars.calendar(null);
	}

	private static String timer(String onDeadline) {
		return "\"timer\": {\"remindAfter\": \"P1D\", \"remindEvery\": \"P1D\", \"deadline\": \"P3D\", \"onDeadline\": \""
				+ onDeadline + "\"}";
	}

	private TaskRecord openTask(UUID instance) {
		return instances.openTasks(instance).get(0);
	}

	private Instant after(TaskRecord task, String duration) {
		return calendar.plus(task.createdAt(), BusinessCalendar.parseDuration(duration));
	}

	private List<String> timerActions(UUID instance) {
		return fx.actions(instance).stream().filter(a -> !a.equals("SUBMITTED")).toList();
	}

	@Test
	void remindersRepeatThenTheDeadlineApprovesAndTheInstanceMovesOn() {
		String key = fx.publish(model(approver("first", persons(timer("AUTO_APPROVE"), fx.person("cou001")),
				approver("second", persons(null, fx.person("head001")), "null"))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);

		timers.run(after(task, "P1D").minusSeconds(1));
		assertThat(timerActions(id)).isEmpty();

		timers.run(after(task, "P1D"));
		assertThat(timerActions(id)).containsExactly("REMINDED");
		timers.run(after(task, "P1D").plusSeconds(60));
		assertThat(timerActions(id)).as("not again before remindEvery").containsExactly("REMINDED");
		timers.run(after(task, "P2D"));
		assertThat(timerActions(id)).containsExactly("REMINDED", "REMINDED");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from messaging_message where sender = 'module:workflow' and idempotency_key like :k""")
			.param("k", "%workflow-remind:" + task.id() + ":%").query(Long.class).single() == 2);

		timers.run(after(task, "P3D"));
		assertThat(timerActions(id)).containsExactly("REMINDED", "REMINDED", "TIMEOUT_APPROVED");
		assertThat(instances.task(task.id()).orElseThrow().outcome()).isEqualTo("TIMEOUT_APPROVED");
		assertThat(fx.open(id)).containsExactly("head001@second");
		Instances.ActionRow approval = instances.actions(id).stream().filter(a -> a.action().equals("TIMEOUT_APPROVED"))
			.findFirst().orElseThrow();
		assertThat(approval.actorId()).as("the system acted").isNull();
		assertThat(approval.comment()).isEqualTo("超时自动通过");
		assertThat(jdbc.sql("""
				select count(*) from kernel_audit_event where actor = 'system' and action = 'workflow.task.timeout-approve'
				  and target = :t""").param("t", "workflow-task:" + task.id()).query(Long.class).single()).isEqualTo(1);

		timers.run(after(task, "P5D"));
		assertThat(timerActions(id)).as("a finished timer does nothing more")
			.containsExactly("REMINDED", "REMINDED", "TIMEOUT_APPROVED");
	}

	@Test
	void theDeadlineRejectsTheInstance() {
		String key = fx.publish(model(approver("only", persons("\"timer\": {\"deadline\": \"PT4H\", \"onDeadline\": \"AUTO_REJECT\"}",
				fx.person("cou001")), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);

		timers.run(after(task, "PT4H"));
		assertThat(fx.status(id)).isEqualTo("REJECTED");
		assertThat(timerActions(id)).containsExactly("TIMEOUT_REJECTED");
		assertThat(fx.open(id)).isEmpty();
	}

	@Test
	void theDeadlineEscalatesToTheAssigneesSuperior() {
		String key = fx.publish(model(approver("review", persons("\"timer\": {\"deadline\": \"P2D\", \"onDeadline\": \"ESCALATE\"}",
				fx.person("fac001")), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);

		timers.run(after(task, "P2D"));
		assertThat(fx.open(id)).containsExactly("head001@review");
		assertThat(timerActions(id)).containsExactly("ESCALATED");
		assertThat(fx.status(id)).isEqualTo("RUNNING");
		fx.approve(id, "head001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void withoutASuperiorTheProcessAdministratorGetsTheTask() {
		UUID outsider = UUID.randomUUID(); // named on the node, in no org unit: nobody is above them
		assertThat(rules.superior(outsider)).isEmpty();
		String key = "timer-admin-" + System.nanoTime() % 1_000_000_000L;
		definitions.create(key, new ProcessDraft(Map.of("zh-CN", "超时转管理员"), null, null, null, List.of(fx.person("it001")),
				null, json.readTree(model(approver("review", persons("\"timer\": {\"deadline\": \"P1D\", \"onDeadline\": \"ESCALATE\"}",
						outsider), "null"))), null), fx.person("admin"));
		definitions.publish(key, fx.person("admin"));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);
		timers.run(after(task, "P1D"));
		assertThat(fx.open(id)).containsExactly("it001@review");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from messaging_message where sender = 'module:workflow' and idempotency_key like :k""")
			.param("k", "%workflow-escalated:" + task.id() + ":%").query(Long.class).single() == 1);
	}

	@Test
	void aTaskApprovedJustBeforeTheDeadlineIsLeftAlone() {
		String key = fx.publish(model(approver("only", persons(timer("AUTO_REJECT"), fx.person("cou001")), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);
		timers.run(after(task, "P1D"));
		fx.approve(id, "cou001");

		timers.run(after(task, "P3D"));
		assertThat(fx.status(id)).isEqualTo("APPROVED");
		assertThat(timerActions(id)).containsExactly("REMINDED", "APPROVED", "APPROVED_END");
	}

	@Test
	void twoJobsRunningAtOnceActOnce() throws Exception {
		String key = fx.publish(model(approver("first", persons(timer("AUTO_APPROVE"), fx.person("cou001")),
				approver("second", persons(null, fx.person("head001")), "null"))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		TaskRecord task = openTask(id);
		timers.schedule();
		Instant deadline = after(task, "P3D");

		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> run = () -> timers.run(deadline);
			List<Future<Integer>> runs = pool.invokeAll(List.of(run, run));
			for (Future<Integer> each : runs) {
				each.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(timerActions(id)).containsExactly("TIMEOUT_APPROVED");
		assertThat(fx.open(id)).containsExactly("head001@second");
	}

	@Test
	void aTimerThatCannotWorkIsRefusedWhenPublished() {
		String bad = model(approver("only", persons("\"timer\": {\"remindAfter\": \"P1W\", \"onDeadline\": \"FORGET\"}",
				fx.person("cou001")), "null"));
		assertThatThrownBy(() -> fx.publish(bad)).isInstanceOf(PlatformException.class)
			.satisfies(ex -> assertThat(((PlatformException) ex).fieldProblems()).extracting(PlatformException.FieldProblem::messageCode)
				.contains("workflow.model.timer-duration", "workflow.model.timer-action"));
	}
}
