package org.onecampus.workflow.internal.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Instances, our task projection, CC recipients, approver choices and the action trail. */
@Repository
class Instances {

	private static final String INSTANCE = """
			select id, process_key, version, engine_instance_id, applicant_id, status, form_data::text as form_data,
			  started_at, ended_at from workflow_instance""";

	private static final String TASK = """
			select id, instance_id, node_id, node_type, assignee_id, status, outcome, created_at, ended_at from workflow_task""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Instances(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Inserts a new running instance; with an idempotency key that the applicant used before, inserts
	 * nothing (waiting for a concurrent insert of the same key to commit) and returns false.
	 */
	boolean insert(UUID id, String processKey, int version, UUID applicant, Map<String, Object> data, String idempotencyKey) {
		return jdbc.sql("""
				insert into workflow_instance (id, process_key, version, applicant_id, status, form_data, idempotency_key)
				values (:id, :key, :version, :applicant, 'RUNNING', cast(:data as jsonb), :idem)
				on conflict (applicant_id, idempotency_key) where idempotency_key is not null do nothing""")
			.param("id", id).param("key", processKey).param("version", version).param("applicant", applicant)
			.param("data", json.writeValueAsString(data)).param("idem", idempotencyKey).update() == 1;
	}

	Optional<InstanceRecord> byIdempotencyKey(UUID applicant, String key) {
		return jdbc.sql(INSTANCE + " where applicant_id = :a and idempotency_key = :k").param("a", applicant).param("k", key)
			.query(this::mapInstance).optional();
	}

	Optional<InstanceRecord> find(UUID id) {
		return jdbc.sql(INSTANCE + " where id = :id").param("id", id).query(this::mapInstance).optional();
	}

	/** The instance, locked until the transaction ends: one action at a time per instance. */
	Optional<InstanceRecord> lock(UUID id) {
		return jdbc.sql(INSTANCE + " where id = :id for update").param("id", id).query(this::mapInstance).optional();
	}

	/** Links the instance to its engine instance. @return the instance as it is now */
	InstanceRecord engineInstance(UUID id, String engineInstanceId) {
		return jdbc.sql("""
				update workflow_instance set engine_instance_id = :e where id = :id
				returning id, process_key, version, engine_instance_id, applicant_id, status, form_data::text as form_data,
				  started_at, ended_at""")
			.param("e", engineInstanceId)
			.param("id", id)
			.query(this::mapInstance)
			.single();
	}

	void status(UUID id, String status, boolean ended) {
		jdbc.sql("update workflow_instance set status = :s, ended_at = case when :ended then now() else ended_at end where id = :id")
			.param("s", status).param("ended", ended).param("id", id).update();
	}

	void formData(UUID id, Map<String, Object> data) {
		jdbc.sql("update workflow_instance set form_data = cast(:d as jsonb) where id = :id")
			.param("d", json.writeValueAsString(data)).param("id", id).update();
	}

	void insertTask(String id, UUID instanceId, String nodeId, Map<String, String> nodeName, String nodeType,
			UUID assignee) {
		jdbc.sql("""
				insert into workflow_task (id, instance_id, node_id, node_name, node_type, assignee_id, status)
				values (:id, :i, :n, cast(:name as jsonb), :t, :a, 'OPEN') on conflict (id) do nothing""")
			.param("id", id).param("i", instanceId).param("n", nodeId).param("name", json.writeValueAsString(nodeName))
			.param("t", nodeType).param("a", assignee).update();
	}

	/** The task, locked: two approvers acting on one task are served one after the other. */
	Optional<TaskRecord> lockTask(String id) {
		return jdbc.sql(TASK + " where id = :id for update").param("id", id).query(this::mapTask).optional();
	}

	/**
	 * Locks the task's instance, then the task: every action takes the instance lock first, so two actions
	 * on one instance (say an approval of one branch and a return that cancels it) wait for each other
	 * instead of deadlocking on each other's task rows.
	 */
	Optional<TaskRecord> lockTaskWithInstance(String id) {
		return lockInstanceAndTask(id).map(Locked::task);
	}

	/** A task and its instance, both locked (instance first, as in {@link #lockTaskWithInstance}). */
	record Locked(TaskRecord task, InstanceRecord instance) {
	}

	/**
	 * Locks the task's instance, then the task, in one statement: the materialized CTE locks the instance
	 * row when the join first reads it, and the lateral subquery, which depends on it, locks the task row
	 * after it. Empty when either is missing.
	 */
	Optional<Locked> lockInstanceAndTask(String taskId) {
		return jdbc.sql("with i as materialized (" + INSTANCE + """
				 where id = (select instance_id from workflow_task where id = :t) for update)
				select i.*, t.id as t_id, t.instance_id as t_instance_id, t.node_id as t_node_id, t.node_type as t_node_type,
				  t.assignee_id as t_assignee_id, t.status as t_status, t.outcome as t_outcome, t.created_at as t_created_at,
				  t.ended_at as t_ended_at
				from i cross join lateral (select * from workflow_task where id = :t and instance_id = i.id for update) t""")
			.param("t", taskId)
			.query((rs, n) -> new Locked(mapTask(rs, "t_"), mapInstance(rs, n)))
			.optional();
	}

	Optional<TaskRecord> task(String id) {
		return jdbc.sql(TASK + " where id = :id").param("id", id).query(this::mapTask).optional();
	}

	List<TaskRecord> openTasks(UUID instanceId) {
		return jdbc.sql(TASK + " where instance_id = :i and status = 'OPEN' order by created_at, id").param("i", instanceId)
			.query(this::mapTask).list();
	}

	List<TaskRecord> tasks(UUID instanceId) {
		return jdbc.sql(TASK + " where instance_id = :i order by created_at, id").param("i", instanceId).query(this::mapTask).list();
	}

	void closeTask(String id, String status, String outcome) {
		jdbc.sql("update workflow_task set status = :s, outcome = :o, ended_at = now() where id = :id and status = 'OPEN'")
			.param("s", status).param("o", outcome).param("id", id).update();
	}

	void reassignTask(String id, UUID assignee) {
		jdbc.sql("update workflow_task set assignee_id = :a where id = :id").param("a", assignee).param("id", id).update();
	}

	/** Closes every open task of the instance (it ended or moved). */
	void cancelOpenTasks(UUID instanceId, String outcome) {
		jdbc.sql("update workflow_task set status = 'CANCELLED', outcome = :o, ended_at = now() where instance_id = :i and status = 'OPEN'")
			.param("o", outcome).param("i", instanceId).update();
	}

	/** Adds CC recipients; a person already copied on the instance is not added twice. */
	int carbonCopy(UUID instanceId, String nodeId, List<UUID> persons) {
		int added = 0;
		for (UUID person : persons) {
			added += jdbc.sql("insert into workflow_cc (instance_id, person_id, node_id) values (:i, :p, :n) on conflict do nothing")
				.param("i", instanceId).param("p", person).param("n", nodeId).update();
		}
		return added;
	}

	boolean isCopied(UUID instanceId, UUID person) {
		return jdbc.sql("select count(*) from workflow_cc where instance_id = :i and person_id = :p").param("i", instanceId)
			.param("p", person).query(Long.class).single() > 0;
	}

	void choose(UUID instanceId, String nodeId, List<UUID> persons, UUID chosenBy) {
		jdbc.sql("""
				insert into workflow_choice (instance_id, node_id, person_ids, chosen_by) values (:i, :n, cast(:p as jsonb), :b)
				on conflict (instance_id, node_id) do update set person_ids = excluded.person_ids, chosen_by = excluded.chosen_by""")
			.param("i", instanceId).param("n", nodeId).param("p", json.writeValueAsString(persons)).param("b", chosenBy).update();
	}

	List<UUID> choice(UUID instanceId, String nodeId) {
		return jdbc.sql("select person_ids::text from workflow_choice where instance_id = :i and node_id = :n")
			.param("i", instanceId).param("n", nodeId).query(String.class).optional()
			.map(text -> json.readValue(text, new TypeReference<List<UUID>>() {
			}))
			.orElse(List.of());
	}

	/** Appends to the audit trail of the instance. */
	void action(UUID instanceId, String taskId, String nodeId, String action, UUID actor, String comment,
			List<?> attachments, Map<String, Object> snapshot, Map<String, ?> details) {
		appendAction("", instanceId, taskId, nodeId, action, actor, comment, attachments, snapshot, details).update();
	}

	/**
	 * Closes an open task ({@link #closeTask}) and appends the action on it to the trail ({@link #action}),
	 * in one statement.
	 */
	void closeTaskWithAction(String status, String outcome, UUID instanceId, String taskId, String nodeId, String action,
			UUID actor, String comment, List<?> attachments, Map<String, Object> snapshot, Map<String, ?> details) {
		appendAction("""
				with closed as (update workflow_task set status = :s, outcome = :o, ended_at = now()
				  where id = :t and status = 'OPEN')
				""", instanceId, taskId, nodeId, action, actor, comment, attachments, snapshot, details)
			.param("s", status).param("o", outcome).update();
	}

	/**
	 * The end of an approved instance in one statement: its open tasks cancelled ({@link #cancelOpenTasks}),
	 * the instance approved and ended ({@link #status}) and {@code APPROVED_END} on the trail with the data.
	 */
	void endApproved(UUID instanceId, Map<String, Object> snapshot) {
		appendAction("""
				with cancelled as (update workflow_task set status = 'CANCELLED', outcome = 'ENDED', ended_at = now()
				  where instance_id = :i and status = 'OPEN'),
				ended as (update workflow_instance set status = 'APPROVED', ended_at = now() where id = :i)
				""", instanceId, null, "end", "APPROVED_END", null, null, null, snapshot, Map.of()).update();
	}

	private JdbcClient.StatementSpec appendAction(String before, UUID instanceId, String taskId, String nodeId,
			String action, UUID actor, String comment, List<?> attachments, Map<String, Object> snapshot,
			Map<String, ?> details) {
		return jdbc.sql(before + """
				insert into workflow_action (instance_id, task_id, node_id, action, actor_id, comment, attachments, data_snapshot, details)
				values (:i, :t, :n, :a, :actor, :c, cast(:files as jsonb), cast(:data as jsonb), cast(:details as jsonb))""")
			.param("i", instanceId).param("t", taskId).param("n", nodeId).param("a", action).param("actor", actor)
			.param("c", comment).param("files", json.writeValueAsString(attachments == null ? List.of() : attachments))
			.param("data", snapshot == null ? null : json.writeValueAsString(snapshot))
			.param("details", json.writeValueAsString(details == null ? Map.of() : details));
	}

	/** Whether the person approved (by their own action) a task of the instance before. */
	boolean approvedBefore(UUID instanceId, UUID person) {
		return jdbc.sql("select count(*) from workflow_action where instance_id = :i and actor_id = :p and action = 'APPROVED'")
			.param("i", instanceId).param("p", person).query(Long.class).single() > 0;
	}

	/** Whether anyone other than the applicant acted on a task of the instance. */
	boolean approverActed(UUID instanceId, UUID applicant) {
		return jdbc.sql("""
				select count(*) from workflow_action where instance_id = :i and task_id is not null
				  and action in ('APPROVED', 'REJECTED') and actor_id is not null and actor_id <> :a""")
			.param("i", instanceId).param("a", applicant).query(Long.class).single() > 0;
	}

	/** Whether the person recorded {@code action} on the instance within the last {@code period}. */
	boolean actedSince(UUID instanceId, UUID person, String action, java.time.Duration period) {
		return jdbc.sql("""
				select count(*) from workflow_action where instance_id = :i and actor_id = :p and action = :a
				  and at > now() - make_interval(secs => :s)""")
			.param("i", instanceId).param("p", person).param("a", action).param("s", (double) period.toSeconds())
			.query(Long.class).single() > 0;
	}

	/** Whether the person acted on the task (approved, transferred, delegated …). */
	boolean actedOnTask(String taskId, UUID person) {
		return jdbc.sql("select count(*) from workflow_action where task_id = :t and actor_id = :p").param("t", taskId)
			.param("p", person).query(Long.class).single() > 0;
	}

	/** Whether the person ever had a task in the instance. */
	boolean isHandler(UUID instanceId, UUID person) {
		return jdbc.sql("select count(*) from workflow_task where instance_id = :i and assignee_id = :p").param("i", instanceId)
			.param("p", person).query(Long.class).single() > 0;
	}

	record ActionRow(long id, String taskId, String nodeId, String action, UUID actorId, String comment, String attachments,
			String snapshot, String details, Timestamp at) {
	}

	List<ActionRow> actions(UUID instanceId) {
		return actions(instanceId, "workflow_action");
	}

	private List<ActionRow> actions(UUID instanceId, String table) {
		return jdbc.sql("""
				select id, task_id, node_id, action, actor_id, comment, attachments::text as attachments,
				  data_snapshot::text as snapshot, details::text as details, at
				from %s where instance_id = :i order by id""".formatted(table)).param("i", instanceId)
			.query((rs, n) -> new ActionRow(rs.getLong("id"), rs.getString("task_id"), rs.getString("node_id"),
					rs.getString("action"), rs.getObject("actor_id", UUID.class), rs.getString("comment"),
					rs.getString("attachments"), rs.getString("snapshot"), rs.getString("details"), rs.getTimestamp("at")))
			.list();
	}

	/** An instance moved to the archive ({@link WorkflowArchiving}), with its tasks and trail. */
	record Archived(InstanceRecord instance, List<TaskRecord> tasks, List<ActionRow> actions) {
	}

	Optional<Archived> archived(UUID id) {
		return jdbc.sql(INSTANCE.replace("workflow_instance", "workflow_instance_archive") + " where id = :id").param("id", id)
			.query(this::mapInstance).optional()
			.map(instance -> new Archived(instance,
					jdbc.sql(TASK.replace("workflow_task", "workflow_task_archive") + " where instance_id = :i order by created_at, id")
						.param("i", id).query(this::mapTask).list(),
					actions(id, "workflow_action_archive")));
	}

	private InstanceRecord mapInstance(ResultSet rs, int row) throws SQLException {
		Timestamp ended = rs.getTimestamp("ended_at");
		return new InstanceRecord(rs.getObject("id", UUID.class), rs.getString("process_key"), rs.getInt("version"),
				rs.getString("engine_instance_id"), rs.getObject("applicant_id", UUID.class), rs.getString("status"),
				json.readValue(rs.getString("form_data"), new TypeReference<LinkedHashMap<String, Object>>() {
				}), rs.getTimestamp("started_at").toInstant(), ended == null ? null : ended.toInstant());
	}

	private TaskRecord mapTask(ResultSet rs, int row) throws SQLException {
		return mapTask(rs, "");
	}

	/** A task from columns named with {@code prefix} (a task selected together with other rows). */
	private static TaskRecord mapTask(ResultSet rs, String prefix) throws SQLException {
		Timestamp ended = rs.getTimestamp(prefix + "ended_at");
		return new TaskRecord(rs.getString(prefix + "id"), rs.getObject(prefix + "instance_id", UUID.class),
				rs.getString(prefix + "node_id"), rs.getString(prefix + "node_type"), rs.getObject(prefix + "assignee_id", UUID.class),
				rs.getString(prefix + "status"), rs.getString(prefix + "outcome"), rs.getTimestamp(prefix + "created_at").toInstant(),
				ended == null ? null : ended.toInstant());
	}

	static List<UUID> distinct(List<UUID> ids) {
		return new ArrayList<>(new java.util.LinkedHashSet<>(ids));
	}
}
