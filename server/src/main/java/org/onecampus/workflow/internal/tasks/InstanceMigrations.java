package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.internal.engine.FlowableEngine;
import org.onecampus.workflow.internal.engine.ProcessMigrations;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Migration plans: which running instances of one version can move to another and why the others
 * cannot (dry run), and moving those that can with Flowable's process migration. Each instance moves
 * in its own transaction: the engine, the instance's version, its task projection, its trail and the
 * audit log change together, and one instance failing leaves the others moved.
 */
@Service
class InstanceMigrations {

	private static final Set<String> TASK_TYPES = Set.of("APPROVER", "HANDLER");

	private final Instances instances;

	private final ProcessVersions versions;

	private final FlowableEngine engine;

	private final ProcessMigrations migrations;

	private final InstanceRuntime runtime;

	private final ObjectProvider<Forms> forms;

	private final AuditLog audit;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate eachInstance;

	InstanceMigrations(Instances instances, ProcessVersions versions, FlowableEngine engine, ProcessMigrations migrations,
			InstanceRuntime runtime, ObjectProvider<Forms> forms, AuditLog audit, MessageSource messages, JdbcClient jdbc,
			JsonMapper json, PlatformTransactionManager transactions) {
		this.instances = instances;
		this.versions = versions;
		this.engine = engine;
		this.migrations = migrations;
		this.runtime = runtime;
		this.forms = forms;
		this.audit = audit;
		this.messages = messages;
		this.jdbc = jdbc;
		this.json = json;
		this.eachInstance = new TransactionTemplate(transactions);
		this.eachInstance.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A migration plan: {@code instanceIds} null means every running instance of {@code fromVersion}. */
	record Plan(int fromVersion, int toVersion, boolean dryRun, List<UUID> instanceIds, Map<String, String> activityMappings) {
	}

	/**
	 * Why an instance cannot move. {@code code} is stable (for programs), {@code message} localized.
	 * @param nodeId the node concerned, if any
	 * @param fields form fields that would fail against the target's form version
	 */
	record Reason(String code, String nodeId, List<String> fields, String message) {
	}

	/**
	 * @param movable whether the instance can move (dry run) or could when the migration ran
	 * @param migrated whether it moved (never in a dry run)
	 */
	record InstanceResult(UUID instanceId, String status, List<String> activeNodes, boolean movable, boolean migrated,
			List<Reason> reasons) {
	}

	record Report(String processKey, int fromVersion, int toVersion, boolean dryRun, int total, int movable, int migrated,
			int failed, List<InstanceResult> instances) {
	}

	Report run(String key, Plan plan, UUID actor) {
		ProcessVersion from = version(key, plan.fromVersion(), "fromVersion");
		ProcessVersion to = version(key, plan.toVersion(), "toVersion");
		if (from.version() == to.version()) {
			throw PlatformException.invalid(List.of(new FieldProblem("toVersion", "workflow.migration.same-version")));
		}
		Map<String, String> mappings = plan.activityMappings() == null ? Map.of() : plan.activityMappings();
		List<FieldProblem> problems = new ArrayList<>();
		mappings.forEach((source, target) -> {
			if (!TASK_TYPES.contains(from.nodes().path(source).path("type").asString(""))) {
				problems.add(new FieldProblem("activityMappings." + source, "workflow.node-unknown", source));
			}
			if (target == null || !TASK_TYPES.contains(to.nodes().path(target).path("type").asString(""))) {
				problems.add(new FieldProblem("activityMappings." + source, "workflow.node-unknown", target));
			}
		});
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		List<UUID> ids = plan.instanceIds() != null ? plan.instanceIds()
				: jdbc.sql("""
						select id from workflow_instance where process_key = :k and version = :v and status in ('RUNNING', 'SUSPENDED')
						order by started_at, id""").param("k", key).param("v", from.version()).query(UUID.class).list();
		List<InstanceResult> results = new ArrayList<>();
		for (UUID id : ids) {
			results.add(plan.dryRun() ? eachInstance.execute(tx -> assess(id, from, to, mappings))
					: migrateOne(id, from, to, mappings, actor));
		}
		int movable = (int) results.stream().filter(InstanceResult::movable).count();
		int migrated = (int) results.stream().filter(InstanceResult::migrated).count();
		int failed = plan.dryRun() ? 0 : results.size() - migrated;
		return new Report(key, from.version(), to.version(), plan.dryRun(), results.size(), movable, migrated, failed, results);
	}

	private InstanceResult migrateOne(UUID id, ProcessVersion from, ProcessVersion to, Map<String, String> mappings,
			UUID actor) {
		try {
			return eachInstance.execute(tx -> {
				InstanceResult assessed = assess(id, from, to, mappings);
				if (!assessed.movable()) {
					return assessed;
				}
				InstanceRecord instance = instances.lock(id).orElseThrow();
				Map<String, String> used = usedMappings(assessed.activeNodes(), mappings);
				// the version first: the engine resolves the approvers of nodes it enters from the instance's version
				jdbc.sql("update workflow_instance set version = :v where id = :id").param("v", to.version()).param("id", id)
					.update();
				migrations.migrate(instance.engineInstanceId(), to.engineDefinitionId(), used);
				for (TaskRecord task : instances.openTasks(id)) {
					jdbc.sql("update workflow_task set node_name = cast(:name as jsonb), node_type = :type where id = :id")
						.param("name", json.writeValueAsString(to.nodeName(task.nodeId()))).param("type", to.nodeType(task.nodeId()))
						.param("id", task.id()).update();
				}
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("fromVersion", from.version());
				details.put("toVersion", to.version());
				details.put("activityMappings", used);
				instances.action(id, null, null, "MIGRATED", actor, null, null, null, details);
				audit.record("workflow.instance.migrate", "workflow-instance:" + id, details);
				runtime.settle(id);
				InstanceRecord moved = instances.find(id).orElseThrow();
				return new InstanceResult(id, moved.status(), assessed.activeNodes(), true, true, List.of());
			});
		}
		catch (PlatformException ex) {
			return new InstanceResult(id, null, List.of(), true, false, List.of(reason("MIGRATION_FAILED", null, List.of(),
					message(ex.errorCode(), ex.args()))));
		}
		catch (RuntimeException ex) {
			return new InstanceResult(id, null, List.of(), true, false,
					List.of(reason("MIGRATION_FAILED", null, List.of(), String.valueOf(ex.getMessage()))));
		}
	}

	/** Whether the instance can move from {@code from} to {@code to}, and every reason why not. */
	private InstanceResult assess(UUID id, ProcessVersion from, ProcessVersion to, Map<String, String> mappings) {
		InstanceRecord instance = instances.find(id).orElse(null);
		if (instance == null || !instance.processKey().equals(from.processKey())) {
			return new InstanceResult(id, null, List.of(), false, false, List.of(reason("NOT_FOUND", null, List.of())));
		}
		if (instance.version() != from.version()) {
			return new InstanceResult(id, instance.status(), List.of(), false, false,
					List.of(reason("OTHER_VERSION", null, List.of(), instance.version())));
		}
		if (!"RUNNING".equals(instance.status())) {
			return new InstanceResult(id, instance.status(), List.of(), false, false,
					List.of(reason("SUSPENDED".equals(instance.status()) ? "SUSPENDED" : "ENDED", null, List.of())));
		}
		List<String> active = engine.activeActivityIds(instance.engineInstanceId()).stream().distinct().sorted().toList();
		List<Reason> reasons = new ArrayList<>();
		for (String node : active) {
			String target = mappings.getOrDefault(node, node);
			if (to.nodes().path(target).isMissingNode() || !TASK_TYPES.contains(to.nodeType(target))) {
				reasons.add(reason("NODE_MISSING", node, List.of(), node));
				continue;
			}
			String wasMulti = from.config(node).path("multi").asString("ALL");
			String isMulti = to.config(target).path("multi").asString("ALL");
			if (!wasMulti.equals(isMulti)) {
				reasons.add(reason("MULTI_MODE_CHANGED", node, List.of(), node, wasMulti, isMulti));
			}
			else if (migrations.completedAt(instance.engineInstanceId(), node) > 0) {
				reasons.add(reason("MULTI_PROGRESS", node, List.of(), node));
			}
		}
		reasons.addAll(formReasons(instance, from, to));
		if (reasons.isEmpty()) {
			for (String objection : migrations.validate(instance.engineInstanceId(), to.engineDefinitionId(),
					usedMappings(active, mappings))) {
				reasons.add(new Reason("ENGINE_REJECTED", null, List.of(), message("workflow.migration.reason.ENGINE_REJECTED",
						new Object[] { objection })));
			}
		}
		return new InstanceResult(id, instance.status(), active, reasons.isEmpty(), false, reasons);
	}

	/** The instance's data must pass the target's form version with every field read-only. */
	private List<Reason> formReasons(InstanceRecord instance, ProcessVersion from, ProcessVersion to) {
		if (to.formKey() == null
				|| (Objects.equals(from.formKey(), to.formKey()) && Objects.equals(from.formVersion(), to.formVersion()))) {
			return List.of();
		}
		Forms available = forms.getIfAvailable();
		if (available == null) {
			return List.of(reason("FORM_INVALID", null, List.of(), ""));
		}
		Forms.FormVersion form = available.version(to.formKey(), to.formVersion());
		Map<String, FieldAccess> readOnly = new LinkedHashMap<>();
		form.layout().path("fields").forEach(f -> readOnly.put(f.path("key").asString(), FieldAccess.READONLY));
		form.schema().path("properties").properties().forEach(e -> readOnly.putIfAbsent(e.getKey(), FieldAccess.READONLY));
		try {
			available.validate(to.formKey(), to.formVersion(), instance.applicantId(), readOnly, instance.formData(),
					instance.formData());
			return List.of();
		}
		catch (PlatformException ex) {
			if (ex.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
				throw ex;
			}
			List<String> fields = ex.fieldProblems().stream().map(FieldProblem::field).distinct().toList();
			return List.of(reason("FORM_INVALID", null, fields, String.join(", ", fields)));
		}
	}

	private static Map<String, String> usedMappings(List<String> active, Map<String, String> mappings) {
		Map<String, String> used = new LinkedHashMap<>();
		active.stream().filter(mappings::containsKey).filter(n -> !n.equals(mappings.get(n)))
			.forEach(n -> used.put(n, mappings.get(n)));
		return used;
	}

	private ProcessVersion version(String key, int n, String field) {
		return versions.find(key, n).orElseThrow(() -> PlatformException.invalid(List.of(new FieldProblem(field,
				"workflow.migration.version-unknown", n))));
	}

	private Reason reason(String code, String nodeId, List<String> fields, Object... args) {
		return new Reason(code, nodeId, fields, message("workflow.migration.reason." + code, args));
	}

	private String message(String code, Object[] args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** The process's latest version if the person administers it; else 403. */
	static void requireAdministrator(ProcessVersion latest, org.onecampus.identity.CampusUser user) {
		if (!InstanceViews.administers(latest, user)) {
			throw new PlatformException(HttpStatus.FORBIDDEN, "workflow.migration.forbidden", latest.processKey());
		}
	}
}
