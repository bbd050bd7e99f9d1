package org.onecampus.hall.internal.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.error.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The service items table. Callers check permissions and audit; this class only reads and writes rows.
 * Updates are optimistic: a stale {@code revision} is a 409.
 */
@Repository
public class ServiceCatalogue {

	private static final String COLUMNS = """
			code, name::text as name, summary::text as summary, category_code, owner_org_unit_id,
			co_org_unit_ids::text as co_org_unit_ids, audience::text as audience, public_guide, handling, process_key,
			link_app_code, link_url, guide::text as guide, materials::text as materials, fees::text as fees,
			promised_days, faq::text as faq, keywords::text as keywords, calendar_tags::text as calendar_tags, status,
			self_print, sort_order, revision, created_at, updated_at, published_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ServiceCatalogue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ServiceItem> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from hall_service where code = :code").param("code", code)
			.query(this::row).optional();
	}

	/** @return the item of an ONLINE service running this process, if any */
	public Optional<ServiceItem> findByProcess(String processKey) {
		return jdbc.sql("select " + COLUMNS + " from hall_service where process_key = :key order by code limit 1")
			.param("key", processKey).query(this::row).optional();
	}

	/** @return every item, in catalogue order */
	public List<ServiceItem> all() {
		return jdbc.sql("select " + COLUMNS + " from hall_service order by category_code, sort_order, code")
			.query(this::row).list();
	}

	/** @return the published items, in catalogue order */
	public List<ServiceItem> published() {
		return jdbc.sql("select " + COLUMNS + " from hall_service where status = 'PUBLISHED' order by category_code, sort_order, code")
			.query(this::row).list();
	}

	/** @throws PlatformException 409 when the code is taken */
	public ServiceItem insert(ServiceItem item, UUID by) {
		int inserted = jdbc.sql("""
				insert into hall_service (code, name, summary, category_code, owner_org_unit_id, co_org_unit_ids, audience,
				  public_guide, handling, process_key, link_app_code, link_url, guide, materials, fees, promised_days, faq,
				  keywords, calendar_tags, status, self_print, sort_order, created_by, published_at)
				values (:code, cast(:name as jsonb), cast(:summary as jsonb), :category, :owner, cast(:co as jsonb),
				  cast(:audience as jsonb), :publicGuide, :handling, :processKey, :linkApp, :linkUrl, cast(:guide as jsonb),
				  cast(:materials as jsonb), cast(:fees as jsonb), :promisedDays, cast(:faq as jsonb), cast(:keywords as jsonb),
				  cast(:calendarTags as jsonb), :status, :selfPrint, :sortOrder, :by,
				  case when :status = 'PUBLISHED' then now() end)
				on conflict (code) do nothing""").params(params(item)).param("by", by).update();
		if (inserted == 0) {
			throw PlatformException.conflict("hall.service.exists", item.code());
		}
		return find(item.code()).orElseThrow();
	}

	/**
	 * Replaces every editable column of the item with {@code item}'s values when its revision is still
	 * {@code item.revision()}.
	 * @throws PlatformException 404 for an unknown code, 409 when someone changed it meanwhile
	 */
	public ServiceItem update(ServiceItem item) {
		int updated = jdbc.sql("""
				update hall_service set name = cast(:name as jsonb), summary = cast(:summary as jsonb),
				  category_code = :category, owner_org_unit_id = :owner, co_org_unit_ids = cast(:co as jsonb),
				  audience = cast(:audience as jsonb), public_guide = :publicGuide, handling = :handling,
				  process_key = :processKey, link_app_code = :linkApp, link_url = :linkUrl, guide = cast(:guide as jsonb),
				  materials = cast(:materials as jsonb), fees = cast(:fees as jsonb), promised_days = :promisedDays,
				  faq = cast(:faq as jsonb), keywords = cast(:keywords as jsonb), calendar_tags = cast(:calendarTags as jsonb),
				  status = :status, self_print = :selfPrint, sort_order = :sortOrder, revision = revision + 1,
				  updated_at = now(),
				  published_at = case when :status = 'PUBLISHED' and status <> 'PUBLISHED' then now() else published_at end
				where code = :code and revision = :revision""").params(params(item))
			.param("revision", item.revision()).update();
		if (updated == 0) {
			ServiceItem current = find(item.code()).orElseThrow(() -> PlatformException.notFound("service", item.code()));
			throw PlatformException.conflict("hall.service.stale", item.code(), current.revision());
		}
		return find(item.code()).orElseThrow();
	}

	private Map<String, Object> params(ServiceItem item) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("code", item.code());
		params.put("name", json.writeValueAsString(item.name()));
		params.put("summary", json.writeValueAsString(item.summary()));
		params.put("category", item.categoryCode());
		params.put("owner", item.ownerOrgUnitId());
		params.put("co", json.writeValueAsString(item.coOrgUnitIds()));
		params.put("audience", text(item.audience(), "{}"));
		params.put("publicGuide", item.publicGuide());
		params.put("handling", item.handling());
		params.put("processKey", item.processKey());
		params.put("linkApp", item.linkAppCode());
		params.put("linkUrl", item.linkUrl());
		params.put("guide", text(item.guide(), "{}"));
		params.put("materials", text(item.materials(), "[]"));
		params.put("fees", text(item.fees(), "{}"));
		params.put("promisedDays", item.promisedDays());
		params.put("faq", text(item.faq(), "[]"));
		params.put("keywords", json.writeValueAsString(item.keywords()));
		params.put("calendarTags", json.writeValueAsString(item.calendarTags()));
		params.put("status", item.status());
		params.put("selfPrint", item.selfPrint());
		params.put("sortOrder", item.sortOrder());
		return params;
	}

	private String text(JsonNode node, String empty) {
		return node == null || node.isNull() || node.isMissingNode() ? empty : json.writeValueAsString(node);
	}

	private ServiceItem row(ResultSet rs, int n) throws SQLException {
		return new ServiceItem(rs.getString("code"), texts(rs.getString("name")), texts(rs.getString("summary")),
				rs.getString("category_code"), rs.getObject("owner_org_unit_id", UUID.class), uuids(rs.getString("co_org_unit_ids")),
				json.readTree(rs.getString("audience")), rs.getBoolean("public_guide"), rs.getString("handling"),
				rs.getString("process_key"), rs.getString("link_app_code"), rs.getString("link_url"),
				json.readTree(rs.getString("guide")), json.readTree(rs.getString("materials")), json.readTree(rs.getString("fees")),
				(Integer) rs.getObject("promised_days"), json.readTree(rs.getString("faq")), strings(rs.getString("keywords")),
				strings(rs.getString("calendar_tags")), rs.getString("status"), rs.getBoolean("self_print"),
				rs.getInt("sort_order"), rs.getInt("revision"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "published_at"));
	}

	private Map<String, String> texts(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		json.readTree(text).properties().forEach(e -> values.put(e.getKey(), e.getValue().asString()));
		return values;
	}

	private List<String> strings(String text) {
		List<String> values = new ArrayList<>();
		json.readTree(text).forEach(v -> values.add(v.asString()));
		return values;
	}

	private List<UUID> uuids(String text) {
		return strings(text).stream().map(UUID::fromString).toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		java.sql.Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
