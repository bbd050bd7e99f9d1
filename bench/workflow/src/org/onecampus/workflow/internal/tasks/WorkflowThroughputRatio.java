package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.onecampus.OneCampusApplication;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.workflow.Processes;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow throughput ratio (bench/workflow-throughput.sh): the same process, submit + three
 * approvals by three fixed persons, driven (a) through the workflow module's service layer
 * ({@link InstanceRuntime#start}, our task projection, {@link InstanceRuntime#approve}) and (b) through
 * plain Flowable calls (RuntimeService start, TaskService query + complete) on an equivalent BPMN with
 * three user tasks and fixed assignees. Both run in this one JVM against the one embedded PostgreSQL
 * and the one engine, single-threaded, in alternating timed rounds; the figure is the ratio of the
 * median instances/s. Not a test: it prints figures and asserts nothing.
 *
 * Lives in the package of {@link InstanceRuntime} because that service is package-private; it is
 * compiled against server/target/classes by the script and never shipped.
 */
public final class WorkflowThroughputRatio {

	private static final String KEY = "bench-three-approvals";

	/** Three approval nodes in a row; {@code %1$s} is the process id, {@code %2$s}–{@code %4$s} the nodes. */
	private static final String RAW_BPMN = """
			<?xml version="1.0" encoding="UTF-8"?>
			<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
			    targetNamespace="https://onecampus.org/bench">
			  <process id="%1$s" name="bench raw" isExecutable="true">
			    <startEvent id="start"/>
			    <sequenceFlow id="f0" sourceRef="start" targetRef="a1"/>
			    %2$s
			    <sequenceFlow id="f1" sourceRef="a1" targetRef="a2"/>
			    %3$s
			    <sequenceFlow id="f2" sourceRef="a2" targetRef="a3"/>
			    %4$s
			    <sequenceFlow id="f3" sourceRef="a3" targetRef="end"/>
			    <endEvent id="end"/>
			  </process>
			</definitions>
			""";

	/** A plain user task with a fixed assignee: {@code %1$d} the node's number, {@code %2$s} the person. */
	private static final String PLAIN_TASK = """
			<userTask id="a%1$d" name="approver %1$d" flowable:assignee="%2$s"/>""";

	/**
	 * The same node as plain Flowable models one that more than one person may have to sign (会签/或签, and
	 * 加签 at run time): a parallel multi-instance user task over a collection of approvers, done when one
	 * of them approved. Every approver node of ours had this structure in the engine until session 5; now
	 * only nodes with several approvers (or a parallel signer) do (see BpmnPreparation#forEngine). Here the
	 * collection is a process variable instead of resolved by our approver rules.
	 */
	private static final String MULTI_TASK = """
			<userTask id="a%1$d" name="approver %1$d" flowable:assignee="${assignee}">
			      <multiInstanceLoopCharacteristics isSequential="false" flowable:collection="${approvers%1$d}"
			          flowable:elementVariable="assignee">
			        <completionCondition>${nrOfCompletedInstances >= 1}</completionCondition>
			      </multiInstanceLoopCharacteristics>
			    </userTask>""";

	private WorkflowThroughputRatio() {
	}

	public static void main(String[] args) {
		int rounds = Integer.getInteger("rounds", 5);
		int seconds = Integer.getInteger("seconds", 20);
		ConfigurableApplicationContext context = new SpringApplication(OneCampusApplication.class).run(args);
		try {
			run(context, rounds, seconds);
		}
		finally {
			context.close();
		}
	}

	private static void run(ConfigurableApplicationContext context, int rounds, int seconds) {
		PersonDirectory directory = context.getBean(PersonDirectory.class);
		UUID admin = person(directory, "admin");
		UUID applicant = person(directory, "stu001");
		List<UUID> approvers = List.of(person(directory, "cou001"), person(directory, "fac001"), person(directory, "head001"));
		InstanceRuntime ours = context.getBean(InstanceRuntime.class);
		Instances instances = context.getBean(Instances.class);
		ProcessDefinitions definitions = context.getBean(ProcessDefinitions.class);
		JsonMapper json = context.getBean(JsonMapper.class);
		if (definitions.find(KEY).isEmpty()) {
			definitions.create(KEY, new ProcessDraft(Map.of("zh-CN", "基准三级审批", "en-US", "Benchmark three approvals"),
					null, null, json.readTree("{}"), List.of(admin), null, json.readTree(model(approvers)), null), admin);
		}
		// a fresh version every run, so the engine runs what this build compiles (earlier versions stay as deployed)
		definitions.publish(KEY, admin);
		RepositoryService repository = context.getBean(RepositoryService.class);
		RuntimeService runtime = context.getBean(RuntimeService.class);
		TaskService tasks = context.getBean(TaskService.class);
		String definition = deployed(repository, "benchRawThree", RAW_BPMN.formatted("benchRawThree",
				PLAIN_TASK.formatted(1, approvers.get(0)), PLAIN_TASK.formatted(2, approvers.get(1)),
				PLAIN_TASK.formatted(3, approvers.get(2))).strip());
		String multiDefinition = deployed(repository, "benchRawThreeMulti", RAW_BPMN.formatted("benchRawThreeMulti",
				MULTI_TASK.formatted(1), MULTI_TASK.formatted(2), MULTI_TASK.formatted(3)).strip());
		Runnable oursOnce = () -> {
			Processes.InstanceSummary started = ours.start(KEY, applicant, Map.of("reason", "基准"), null, null);
			for (int step = 0; step < 3; step++) {
				TaskRecord task = instances.openTasks(started.id()).get(0);
				ours.approve(task.id(), task.assigneeId(), new InstanceRuntime.Decision("同意", Map.of(), List.of(), null));
			}
			if (!"APPROVED".equals(ours.instance(started.id()).orElseThrow().status())) {
				throw new IllegalStateException("our instance did not end approved: " + started.id());
			}
		};
		Runnable rawOnce = () -> raw(runtime, tasks, definition, Map.of("applicant", applicant.toString(), "reason", "基准"));
		Runnable rawMultiOnce = () -> raw(runtime, tasks, multiDefinition, Map.of("applicant", applicant.toString(),
				"reason", "基准", "approvers1", List.of(approvers.get(0).toString()), "approvers2",
				List.of(approvers.get(1).toString()), "approvers3", List.of(approvers.get(2).toString())));
		if (Integer.getInteger("only", 0) > 0) {
			// diagnostics (e.g. with Flowable's MyBatis statements logged at DEBUG): just this many of ours
			// (or of raw Flowable's with -Dside=raw)
			Runnable once = "raw".equals(System.getProperty("side")) ? rawOnce
					: "raw-multi".equals(System.getProperty("side")) ? rawMultiOnce : oursOnce;
			for (int i = 0; i < Integer.getInteger("only"); i++) {
				once.run();
			}
			return;
		}
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Backlog backlog = new Backlog(jdbc);
		System.out.printf("warm-up: ours %.1f/s, raw %.1f/s, raw multi-instance %.1f/s%n", measure(oursOnce, 10, backlog),
				measure(rawOnce, 10, backlog), measure(rawMultiOnce, 10, backlog));
		TableScans scans = new TableScans(jdbc);
		RoundTrips.print("ours", oursOnce);
		scans.print("ours", 5);
		RoundTrips.print("raw Flowable", rawOnce);
		scans.print("raw Flowable", 5);
		RoundTrips.print("raw Flowable, multi-instance nodes", rawMultiOnce);
		scans.print("raw Flowable, multi-instance nodes", 5);
		backlog.drain();
		List<Runnable> sides = List.of(oursOnce, rawOnce, rawMultiOnce);
		List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		for (int round = 1; round <= rounds; round++) {
			// rotate which side goes first so that drift in the shared machine's load hits all three
			for (int k = 0; k < 3; k++) {
				int side = (round - 1 + k) % 3;
				rates.get(side).add(measure(sides.get(side), seconds, backlog));
			}
			double o = rates.get(0).get(round - 1);
			double r = rates.get(1).get(round - 1);
			double m = rates.get(2).get(round - 1);
			System.out.printf("round %d: ours %.1f instances/s, raw Flowable %.1f instances/s, ratio %.0f%%;"
					+ " raw Flowable with multi-instance nodes %.1f instances/s, ratio %.0f%%%n", round, o, r, 100 * o / r, m,
					100 * o / m);
		}
		double o = median(rates.get(0));
		double r = median(rates.get(1));
		double m = median(rates.get(2));
		System.out.printf("RESULT median: ours %.1f instances/s, raw Flowable %.1f instances/s, ratio %.0f%% (goal >= 70%%)%n",
				o, r, 100 * o / r);
		System.out.printf("RESULT median, against multi-instance nodes: ours %.1f instances/s, raw Flowable with multi-instance nodes"
				+ " %.1f instances/s, ratio %.0f%%%n", o, m, 100 * o / m);
	}

	/** One raw instance: start, then three times the open task with a comment, completed; it must have ended. */
	private static void raw(RuntimeService runtime, TaskService tasks, String definition, Map<String, Object> variables) {
		String id = runtime.startProcessInstanceById(definition, UUID.randomUUID().toString(), variables).getId();
		for (int step = 0; step < 3; step++) {
			var task = tasks.createTaskQuery().processInstanceId(id).singleResult();
			tasks.addComment(task.getId(), id, "同意");
			tasks.complete(task.getId());
		}
		if (runtime.createProcessInstanceQuery().processInstanceId(id).count() != 0) {
			throw new IllegalStateException("raw instance still running: " + id);
		}
	}

	private static String deployed(RepositoryService repository, String key, String bpmn) {
		var latest = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
		if (latest != null) {
			return latest.getId();
		}
		String deployment = repository.createDeployment().name(key).addString(key + ".bpmn20.xml", bpmn).deploy().getId();
		return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
	}

	/**
	 * Counts what one instance costs in database work: the PostgreSQL driver's protocol messages, logged
	 * at FINEST by its query executor while counting (and only then): "FE=> Execute" per statement, "FE=>
	 * Sync" per round trip to the server.
	 */
	static final class RoundTrips extends Handler {

		private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

		private int executes;

		private int callerExecutes;

		private final Thread caller = Thread.currentThread();

		private int syncs;

		/** -Dbreakdown=true: also print where the statements come from (a stack walk per statement). */
		private static final boolean BREAKDOWN = Boolean.getBoolean("breakdown");

		private final Map<String, Integer> sources = new java.util.HashMap<>();

		private static String source() {
			StringBuilder where = new StringBuilder();
			String flowable = null;
			for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
				String type = frame.getClassName();
				if (flowable == null && type.startsWith("org.flowable") && type.endsWith("Cmd")) {
					flowable = type.substring(type.lastIndexOf('.') + 1);
				}
				if (type.startsWith("org.onecampus") && !type.contains("WorkflowThroughputRatio")) {
					where.append(type.substring(type.lastIndexOf('.') + 1)).append('.').append(frame.getMethodName())
						.append(':').append(frame.getLineNumber()).append(" < ");
					if (where.length() > 160) {
						break;
					}
				}
			}
			if (flowable == null && where.isEmpty()) {
				// nothing of ours or Flowable's on the stack (e.g. the event publication registry, a commit):
				// the first frames outside the driver, the pool and the JDK
				for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
					String type = frame.getClassName();
					if (type.startsWith("org.postgresql") || type.startsWith("com.zaxxer") || type.startsWith("java.")
							|| type.startsWith("jdk.") || type.contains("WorkflowThroughputRatio")
							|| type.contains("$$") || type.contains("Proxy")) {
						continue;
					}
					where.append(type.substring(type.lastIndexOf('.') + 1)).append('.').append(frame.getMethodName())
						.append(" < ");
					if (where.length() > 200) {
						break;
					}
				}
			}
			return (flowable == null ? "" : "[" + flowable + "] ") + where;
		}

		static void print(String side, Runnable once) {
			int n = 5;
			RoundTrips counter = new RoundTrips();
			Level level = DRIVER.getLevel();
			boolean parents = DRIVER.getUseParentHandlers();
			DRIVER.setUseParentHandlers(false);
			DRIVER.addHandler(counter);
			DRIVER.setLevel(Level.FINEST);
			try {
				for (int i = 0; i < n; i++) {
					once.run();
				}
			}
			finally {
				DRIVER.setLevel(level);
				DRIVER.removeHandler(counter);
				DRIVER.setUseParentHandlers(parents);
			}
			System.out.printf("per instance, %s: %.1f statements (%.1f on the calling thread, %.1f on others), %.1f round trips to PostgreSQL%n",
					side, counter.executes / (double) n, counter.callerExecutes / (double) n,
					(counter.executes - counter.callerExecutes) / (double) n, counter.syncs / (double) n);
			counter.sources.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.forEach(e -> System.out.printf("  %6.1f  %s%n", e.getValue() / (double) n, e.getKey()));
		}

		@Override
		public synchronized void publish(LogRecord record) {
			String message = record.getMessage();
			if (message == null) {
				return;
			}
			if (message.startsWith(" FE=> Execute")) {
				executes++;
				if (Thread.currentThread() == caller) {
					callerExecutes++;
				}
				if (BREAKDOWN) {
					sources.merge(Thread.currentThread().getName().replaceAll("\\d+", "#") + " " + source(), 1, Integer::sum);
				}
			}
			else if (message.startsWith(" FE=> Sync")) {
				syncs++;
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}
	}

	/**
	 * Instances per second, counted until the work the instances caused after their commits is done too:
	 * our side leaves module events (notices, the hall's tracking, statistics) and message deliveries to
	 * other threads, and a round that stopped the clock with those still queued would both flatter our
	 * side and slow the next round down, whichever side it is. So the clock runs on until the event
	 * publications and due deliveries are all done (raw Flowable leaves none; its wait is nil).
	 */
	private static double measure(Runnable once, int seconds, Backlog backlog) {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		long start = System.nanoTime();
		int done = 0;
		while (System.nanoTime() < end) {
			once.run();
			done++;
		}
		long stopped = System.nanoTime();
		backlog.drain();
		long drained = System.nanoTime();
		if (drained - stopped > 50_000_000L) {
			System.out.printf("  (%d instances in %.1f s, then %.2f s until their events and deliveries were done)%n", done,
					(stopped - start) / 1e9, (drained - stopped) / 1e9);
		}
		return done / ((drained - start) / 1e9);
	}

	/**
	 * Sequential scans per instance, by table, from PostgreSQL's statistics (differences between two
	 * readings): a table read whole on every instance is a missing index. Only tables scanned at least
	 * once per instance are printed.
	 */
	static final class TableScans {

		private final JdbcClient jdbc;

		private Map<String, long[]> last;

		TableScans(JdbcClient jdbc) {
			this.jdbc = jdbc;
			this.last = read();
		}

		private Map<String, long[]> read() {
			try {
				Thread.sleep(1500); // backends report their statistics at most once a second
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			Map<String, long[]> now = new java.util.TreeMap<>();
			jdbc.sql("select relname, seq_scan, seq_tup_read from pg_stat_user_tables").query((rs, n) -> now
				.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) })).list();
			return now;
		}

		void print(String side, int instances) {
			Map<String, long[]> now = read();
			now.forEach((table, v) -> {
				long[] before = last.getOrDefault(table, new long[2]);
				double scans = (v[0] - before[0]) / (double) instances;
				if (scans >= 1) {
					System.out.printf("  %s: %.1f sequential scans of %s per instance, %.0f rows read%n", side, scans, table,
							(v[1] - before[1]) / (double) instances);
				}
			});
			last = now;
		}
	}

	/** Module events and message deliveries still to be processed. */
	record Backlog(JdbcClient jdbc) {

		void drain() {
			long giveUp = System.nanoTime() + 120_000_000_000L;
			while (pending() > 0) {
				if (System.nanoTime() > giveUp) {
					throw new IllegalStateException("the event and delivery backlog did not drain in 120 s: " + pending());
				}
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}

		long pending() {
			return jdbc.sql("""
					select (select count(*) from event_publication where completion_date is null)
					  + (select count(*) from messaging_delivery where status = 'QUEUED' and next_attempt_at <= now())""")
				.query(Long.class).single();
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static UUID person(PersonDirectory directory, String username) {
		return directory.personIdByUsername(username)
			.orElseThrow(() -> new IllegalStateException("no demo account " + username + ": start with the demo profile"));
	}

	private static String model(List<UUID> approvers) {
		StringBuilder node = new StringBuilder("null");
		for (int i = approvers.size(); i >= 1; i--) {
			node = new StringBuilder("""
					{"id": "a%d", "type": "APPROVER", "name": {"zh-CN": "审批%d", "en-US": "Approval %d"},
					 "config": {"assignee": {"rule": "PERSONS", "persons": ["%s"]}, "multi": "ANY"}, "next": %s}"""
				.formatted(i, i, i, approvers.get(i - 1), node));
		}
		return """
				{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人", "en-US": "Applicant"},
				 "config": {}, "next": %s}}""".formatted(node);
	}
}
