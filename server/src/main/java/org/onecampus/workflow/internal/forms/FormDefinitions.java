package org.onecampus.workflow.internal.forms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.Forms.FormVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Form drafts and their published versions ({@code workflow_form}, {@code workflow_form_version}). */
@Repository
class FormDefinitions {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	FormDefinitions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Draft> draft(String key) {
		return jdbc.sql("select * from workflow_form where form_key = ?").param(key).query(this::draftRow).optional();
	}

	/** @param q matches key and names (case-insensitive), may be null */
	Page<Summary> list(String q, PageQuery page) {
		String filter = q == null || q.isBlank() ? "" : "where form_key ilike :q or name_zh ilike :q or name_en ilike :q";
		String like = q == null ? null : "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%";
		var query = jdbc.sql("select form_key, name_zh, name_en, owner_org_unit_id, latest_version, updated_at from workflow_form "
				+ filter + " order by updated_at desc, form_key limit :limit offset :offset")
			.param("limit", page.sizeOrDefault()).param("offset", page.offset());
		var count = jdbc.sql("select count(*) from workflow_form " + filter);
		if (!filter.isEmpty()) {
			query = query.param("q", like);
			count = count.param("q", like);
		}
		List<Summary> items = query.query((rs, n) -> new Summary(rs.getString("form_key"), names(rs),
				rs.getObject("owner_org_unit_id", UUID.class), rs.getInt("latest_version"), instant(rs, "updated_at")))
			.list();
		return new Page<>(items, page.pageOrDefault(), page.sizeOrDefault(), count.query(Long.class).single());
	}

	void create(String key, Map<String, String> name, UUID owner, JsonNode definition, UUID by) {
		jdbc.sql("""
				insert into workflow_form (form_key, name_zh, name_en, owner_org_unit_id, draft, created_by, updated_by)
				values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(key, name.get("zh-CN"), name.get("en-US"), owner, json.writeValueAsString(definition), by, by)
			.update();
	}

	boolean updateDraft(String key, Map<String, String> name, UUID owner, JsonNode definition, UUID by) {
		return jdbc.sql("""
				update workflow_form set name_zh = ?, name_en = ?, owner_org_unit_id = ?, draft = ?::jsonb,
				updated_at = now(), updated_by = ? where form_key = ?""")
			.params(name.get("zh-CN"), name.get("en-US"), owner, json.writeValueAsString(definition), by, key)
			.update() == 1;
	}

	/**
	 * Publishes the draft as the next version, the form row locked so that two publishers get two versions.
	 * @return the new version number, or empty when the draft equals the latest version (nothing to publish)
	 */
	Optional<Integer> publish(String key, UUID by) {
		Draft draft = jdbc.sql("select * from workflow_form where form_key = ? for update").param(key)
			.query(this::draftRow).single();
		if (draft.latestVersion() > 0) {
			boolean unchanged = jdbc.sql("""
					select f.draft = v.definition and f.name_zh = v.name_zh and f.name_en = v.name_en
					from workflow_form f join workflow_form_version v on v.form_key = f.form_key and v.version = f.latest_version
					where f.form_key = ?""").param(key).query(Boolean.class).single();
			if (unchanged) {
				return Optional.empty();
			}
		}
		int next = draft.latestVersion() + 1;
		jdbc.sql("""
				insert into workflow_form_version (form_key, version, name_zh, name_en, definition, published_by)
				select form_key, ?, name_zh, name_en, draft, ? from workflow_form where form_key = ?""")
			.params(next, by, key).update();
		jdbc.sql("update workflow_form set latest_version = ? where form_key = ?").params(next, key).update();
		return Optional.of(next);
	}

	Optional<FormVersion> version(String key, int version) {
		return jdbc.sql("select * from workflow_form_version where form_key = ? and version = ?").params(key, version)
			.query((rs, n) -> {
				JsonNode definition = json.readTree(rs.getString("definition"));
				return new FormVersion(key, version, names(rs), definition.get("schema"), definition.get("layout"),
						instant(rs, "published_at"));
			})
			.optional();
	}

	List<VersionInfo> versions(String key) {
		return jdbc.sql("select version, published_at, published_by from workflow_form_version where form_key = ? order by version")
			.param(key)
			.query((rs, n) -> new VersionInfo(rs.getInt("version"), instant(rs, "published_at"),
					rs.getObject("published_by", UUID.class)))
			.list();
	}

	/** The stored definition document: {@code {"schema": …, "layout": …}}. */
	ObjectNode definition(JsonNode schema, JsonNode layout) {
		ObjectNode definition = json.createObjectNode();
		definition.set("schema", schema);
		definition.set("layout", layout);
		return definition;
	}

	private Draft draftRow(ResultSet rs, int n) throws SQLException {
		JsonNode definition = json.readTree(rs.getString("draft"));
		return new Draft(rs.getString("form_key"), names(rs), rs.getObject("owner_org_unit_id", UUID.class),
				definition.get("schema"), definition.get("layout"), rs.getInt("latest_version"), instant(rs, "updated_at"));
	}

	private static Map<String, String> names(ResultSet rs) throws SQLException {
		Map<String, String> names = new LinkedHashMap<>();
		names.put("zh-CN", rs.getString("name_zh"));
		names.put("en-US", rs.getString("name_en"));
		return names;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	record Draft(String key, Map<String, String> name, UUID ownerOrgUnitId, JsonNode schema, JsonNode layout,
			int latestVersion, Instant updatedAt) {
	}

	record Summary(String key, Map<String, String> name, UUID ownerOrgUnitId, int latestVersion, Instant updatedAt) {
	}

	record VersionInfo(int version, Instant publishedAt, UUID publishedBy) {
	}
}
