package org.onecampus.hall.internal.todo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The pushed to-dos in {@code hall_external_todo}. */
@Repository
class ExternalTodos {

	private final JdbcClient jdbc;

	ExternalTodos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the to-do, locked for the rest of the transaction, or empty */
	Optional<ExternalTodo> lock(String sourceSystem, String externalId) {
		return jdbc.sql("select * from hall_external_todo where source_system = :source and external_id = :external for update")
			.param("source", sourceSystem).param("external", externalId)
			.query(ExternalTodos::map).optional();
	}

	/** @return whether the row was inserted (false: another push of the same id won the race) */
	boolean insert(ExternalTodo todo) {
		return jdbc.sql("""
				insert into hall_external_todo (id, source_system, external_id, assignee_id, assignee_ref, title, title_en,
				  applicant_name, category, priority, deep_link, open_url, due_at, created_at, status, completed_at,
				  pushed_at, updated_at)
				values (:id, :source, :external, :assignee, :assigneeRef, :title, :titleEn, :applicantName, :category,
				  :priority, :deepLink, :openUrl, :dueAt, :createdAt, :status, :completedAt, :pushedAt, :updatedAt)
				on conflict (source_system, external_id) do nothing""")
			.params(params(todo)).update() == 1;
	}

	void update(ExternalTodo todo) {
		jdbc.sql("""
				update hall_external_todo set assignee_id = :assignee, assignee_ref = :assigneeRef, title = :title,
				  title_en = :titleEn, applicant_name = :applicantName, category = :category, priority = :priority,
				  deep_link = :deepLink, open_url = :openUrl, due_at = :dueAt, created_at = :createdAt, status = :status,
				  completed_at = :completedAt, pushed_at = :pushedAt, updated_at = :updatedAt
				where id = :id""")
			.params(params(todo)).update();
	}

	void delete(UUID id) {
		jdbc.sql("delete from hall_external_todo where id = :id").param("id", id).update();
	}

	/** What one system pushed, newest push first; {@code status} null for every status. */
	List<ExternalTodo> pushedBy(String sourceSystem, String status, int limit, long offset) {
		return jdbc.sql("select * from hall_external_todo where source_system = :source"
				+ (status == null ? "" : " and status = :status") + " order by pushed_at desc, id limit :limit offset :offset")
			.param("source", sourceSystem).param("status", status == null ? "" : status).param("limit", limit)
			.param("offset", offset).query(ExternalTodos::map).list();
	}

	long countPushedBy(String sourceSystem, String status) {
		return jdbc.sql("select count(*) from hall_external_todo where source_system = :source"
				+ (status == null ? "" : " and status = :status"))
			.param("source", sourceSystem).param("status", status == null ? "" : status).query(Long.class).single();
	}

	/**
	 * A person's open (todo) or done to-dos that pass the filter, newest first (open by creation, done by
	 * completion).
	 */
	List<ExternalTodo> assignedTo(UUID personId, String status, ListFilter filter, int limit) {
		Map<String, Object> params = new HashMap<>();
		String order = ExternalTodo.OPEN.equals(status) ? "created_at" : "completed_at";
		params.put("limit", limit);
		return jdbc.sql("select * from hall_external_todo" + where(personId, status, order, filter, params) + " order by "
				+ order + " desc, id limit :limit").params(params).query(ExternalTodos::map).list();
	}

	long countAssignedTo(UUID personId, String status, ListFilter filter) {
		Map<String, Object> params = new HashMap<>();
		String order = ExternalTodo.OPEN.equals(status) ? "created_at" : "completed_at";
		return jdbc.sql("select count(*) from hall_external_todo" + where(personId, status, order, filter, params))
			.params(params).query(Long.class).single();
	}

	/** The systems (client ids) that pushed to-dos to the person, with their categories. */
	Map<String, List<String>> sourcesOf(UUID personId) {
		Map<String, List<String>> sources = new java.util.TreeMap<>();
		jdbc.sql("select distinct source_system, category from hall_external_todo where assignee_id = :me")
			.param("me", personId)
			.query((rs, n) -> {
				List<String> categories = sources.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>());
				if (rs.getString(2) != null) {
					categories.add(rs.getString(2));
				}
				return null;
			}).list();
		sources.values().forEach(java.util.Collections::sort);
		return sources;
	}

	private static String where(UUID personId, String status, String at, ListFilter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" where assignee_id = :me and status = :status");
		params.put("me", personId);
		params.put("status", status);
		if (filter.sourceSystem() != null) {
			where.append(" and source_system = :source");
			params.put("source", filter.sourceSystem());
		}
		if (filter.category() != null) {
			where.append(" and category = :category");
			params.put("category", filter.category());
		}
		if (filter.from() != null) {
			where.append(" and ").append(at).append(" >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and ").append(at).append(" < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and (lower(title) like :keyword or lower(coalesce(title_en, '')) like :keyword"
					+ " or lower(coalesce(applicant_name, '')) like :keyword)");
			params.put("keyword", "%" + filter.keyword().trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return where.toString();
	}

	private static Map<String, Object> params(ExternalTodo todo) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", todo.id());
		params.put("source", todo.sourceSystem());
		params.put("external", todo.externalId());
		params.put("assignee", todo.assigneeId());
		params.put("assigneeRef", todo.assigneeRef());
		params.put("title", todo.title());
		params.put("titleEn", todo.titleEn());
		params.put("applicantName", todo.applicantName());
		params.put("category", todo.category());
		params.put("priority", todo.priority());
		params.put("deepLink", todo.deepLink());
		params.put("openUrl", todo.openUrl());
		params.put("dueAt", timestamp(todo.dueAt()));
		params.put("createdAt", timestamp(todo.createdAt()));
		params.put("status", todo.status());
		params.put("completedAt", timestamp(todo.completedAt()));
		params.put("pushedAt", timestamp(todo.pushedAt()));
		params.put("updatedAt", timestamp(todo.updatedAt()));
		return params;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static ExternalTodo map(ResultSet rs, int row) throws SQLException {
		return new ExternalTodo(rs.getObject("id", UUID.class), rs.getString("source_system"), rs.getString("external_id"),
				rs.getObject("assignee_id", UUID.class), rs.getString("assignee_ref"), rs.getString("title"),
				rs.getString("title_en"), rs.getString("applicant_name"), rs.getString("category"), rs.getString("priority"),
				rs.getString("deep_link"), rs.getString("open_url"), instant(rs, "due_at"), instant(rs, "created_at"),
				rs.getString("status"), instant(rs, "completed_at"), instant(rs, "pushed_at"), instant(rs, "updated_at"));
	}
}
