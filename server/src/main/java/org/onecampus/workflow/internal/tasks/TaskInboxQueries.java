package org.onecampus.workflow.internal.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.workflow.TaskInbox;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link TaskInbox} over our task projection ({@code workflow_task}, {@code workflow_cc},
 * {@code workflow_instance}); each scope reads its own partial index. A keyword matches the process
 * name or the applicant's name (at most {@value #NAME_MATCHES} persons of that name are considered).
 */
@Service
@Transactional(readOnly = true)
class TaskInboxQueries implements TaskInbox {

	static final int NAME_MATCHES = 500;

	private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final PersonDirectory directory;

	private final ProcessVersions versions;

	private final JsonMapper json;

	TaskInboxQueries(JdbcClient jdbc, PersonDirectory directory, ProcessVersions versions, JsonMapper json) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.versions = versions;
		this.json = json;
	}

	/** The rows of one scope: where they come from and which column orders them. */
	private record Source(String from, String at, String columns) {

		static Source of(Scope scope) {
			return switch (scope) {
				case TODO -> new Source("workflow_task t join workflow_instance i on i.id = t.instance_id"
						+ " where t.assignee_id = :me and t.status = 'OPEN'", "t.created_at", TASK_COLUMNS);
				case DONE -> new Source("workflow_task t join workflow_instance i on i.id = t.instance_id"
						+ " where t.assignee_id = :me and t.status = 'DONE'", "t.ended_at", TASK_COLUMNS);
				case CC -> new Source("workflow_cc c join workflow_instance i on i.id = c.instance_id where c.person_id = :me",
						"c.created_at", "null as task_id, c.node_id, null::jsonb as node_name, null as status, null as outcome,"
								+ " c.created_at, null::timestamptz as ended_at");
				case MINE -> new Source("workflow_instance i where i.applicant_id = :me", "i.started_at",
						"null as task_id, (select o.node_id from workflow_task o where o.instance_id = i.id and o.status = 'OPEN'"
								+ " order by o.created_at, o.id limit 1) as node_id, null::jsonb as node_name, null as status,"
								+ " null as outcome, i.started_at as created_at, i.ended_at");
			};
		}

		static final String TASK_COLUMNS = "t.id as task_id, t.node_id, t.node_name, t.status, t.outcome, t.created_at, t.ended_at";
	}

	@Override
	public List<Item> items(UUID personId, Scope scope, Filter filter, int limit) {
		Source source = Source.of(scope);
		Map<String, Object> params = new HashMap<>();
		String where = where(source, personId, filter, params);
		params.put("limit", limit);
		record Row(String taskId, UUID instanceId, String processKey, int version, String nodeId, String nodeName,
				UUID applicantId, String status, String outcome, String instanceStatus, Instant createdAt, Instant endedAt,
				Instant at) {
		}
		List<Row> rows = jdbc.sql("select " + source.columns() + ", i.id as instance_id, i.process_key, i.version,"
				+ " i.applicant_id, i.status as instance_status, " + source.at() + " as at from " + source.from() + where
				+ " order by " + source.at() + " desc, i.id limit :limit")
			.params(params)
			.query((rs, n) -> new Row(rs.getString("task_id"), rs.getObject("instance_id", UUID.class),
					rs.getString("process_key"), rs.getInt("version"), rs.getString("node_id"), rs.getString("node_name"),
					rs.getObject("applicant_id", UUID.class), rs.getString("status"), rs.getString("outcome"),
					rs.getString("instance_status"), instant(rs, "created_at"), instant(rs, "ended_at"), instant(rs, "at")))
			.list();
		Map<UUID, String> names = new HashMap<>();
		directory.contacts(rows.stream().map(Row::applicantId).distinct().toList())
			.forEach(contact -> names.put(contact.personId(), contact.name()));
		Map<String, ProcessVersion> cache = new LinkedHashMap<>();
		return rows.stream().map(r -> {
			ProcessVersion version = cache.computeIfAbsent(r.processKey() + "/" + r.version(),
					k -> versions.find(r.processKey(), r.version()).orElseThrow());
			Map<String, String> nodeName = r.nodeName() != null ? json.readValue(r.nodeName(), NAMES)
					: r.nodeId() == null ? null : version.nodeName(r.nodeId());
			return new Item(r.taskId(), r.instanceId(), r.processKey(), version.name(), r.nodeId(), nodeName,
					r.applicantId(), names.get(r.applicantId()), r.status(), r.outcome(), r.instanceStatus(), r.createdAt(),
					r.endedAt(), r.at());
		}).toList();
	}

	@Override
	public long count(UUID personId, Scope scope, Filter filter) {
		Source source = Source.of(scope);
		Map<String, Object> params = new HashMap<>();
		String where = where(source, personId, filter, params);
		return jdbc.sql("select count(*) from " + source.from() + where).params(params).query(Long.class).single();
	}

	@Override
	public Map<String, Map<String, String>> processes(UUID personId) {
		Map<String, Map<String, String>> processes = new LinkedHashMap<>();
		jdbc.sql("""
				select p.key, p.name from workflow_process p where p.key in (
				  select i.process_key from workflow_task t join workflow_instance i on i.id = t.instance_id where t.assignee_id = :me
				  union select i.process_key from workflow_cc c join workflow_instance i on i.id = c.instance_id where c.person_id = :me
				  union select i.process_key from workflow_instance i where i.applicant_id = :me)
				order by p.key""")
			.param("me", personId)
			.query((rs, n) -> processes.put(rs.getString("key"), json.readValue(rs.getString("name"), NAMES)))
			.list();
		return processes;
	}

	/** The filter as SQL conditions to append to the source's own. */
	private String where(Source source, UUID me, Filter filter, Map<String, Object> params) {
		params.put("me", me);
		StringBuilder where = new StringBuilder();
		if (filter.processKey() != null) {
			where.append(" and i.process_key = :processKey");
			params.put("processKey", filter.processKey());
		}
		if (filter.from() != null) {
			where.append(" and ").append(source.at()).append(" >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and ").append(source.at()).append(" < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		String keyword = filter.keyword() == null ? "" : filter.keyword().trim();
		if (!keyword.isEmpty()) {
			params.put("keyword", "%" + keyword.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%");
			where.append(" and (exists (select 1 from workflow_process p where p.key = i.process_key and (lower(p.name->>'zh-CN')"
					+ " like :keyword or lower(p.name->>'en-US') like :keyword))");
			Set<UUID> applicants = directory.personIdsByName(keyword, NAME_MATCHES);
			if (!applicants.isEmpty()) {
				where.append(" or i.applicant_id in (:applicants)");
				params.put("applicants", List.copyOf(applicants));
			}
			where.append(")");
		}
		return where.toString();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
