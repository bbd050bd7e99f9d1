package org.onecampus.workflow.internal.codesets;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code sets: named lists of choices that select, radio and checkbox fields reference by key instead of listing
 * options inline (民族, 政治面貌, 校区 …). Each item has a value, zh/en labels, a sort order and an enabled flag; a
 * disabled item is no longer offered or accepted but still labels the data that used it. Changes are audited.
 */
@Service
public class CodeSets implements CodeSetValues {

	static final String KEY = "[a-z][a-z0-9-]{2,63}";

	static final String VALUE = "[A-Za-z0-9_.\\-]{1,64}";

	static final int MAX_ITEMS = 2000;

	private static final TypeReference<LinkedHashMap<String, String>> LOCALIZED = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	CodeSets(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	public record Item(String value, Map<String, String> label, int sort, boolean enabled) {
	}

	public record CodeSet(String key, Map<String, String> name, List<Item> items) {
	}

	public record Summary(String key, Map<String, String> name, int items, int enabled) {
	}

	public List<Summary> list() {
		return jdbc.sql("""
				select s.key, s.name::text as name, count(i.value) as items, count(i.value) filter (where i.enabled) as enabled
				from workflow_code_set s left join workflow_code_set_item i on i.code_set_key = s.key
				group by s.key, s.name::text order by s.key""")
			.query((rs, n) -> new Summary(rs.getString("key"), localized(rs.getString("name")), rs.getInt("items"),
					rs.getInt("enabled")))
			.list();
	}

	public Optional<CodeSet> find(String key) {
		Optional<Map<String, String>> name = jdbc.sql("select name::text from workflow_code_set where key = :k")
			.param("k", key).query(String.class).optional().map(this::localized);
		return name.map(n -> new CodeSet(key, n, items(key)));
	}

	@Override
	public boolean exists(String key) {
		return jdbc.sql("select count(*) from workflow_code_set where key = :k").param("k", key).query(Long.class).single() > 0;
	}

	/** The enabled values of each of the sets (a missing key maps to no values). */
	@Override
	public Map<String, Set<String>> enabledValues(Collection<String> keys) {
		Map<String, Set<String>> values = new HashMap<>();
		keys.forEach(k -> values.put(k, new HashSet<>()));
		if (keys.isEmpty()) {
			return values;
		}
		jdbc.sql("select code_set_key, value from workflow_code_set_item where enabled and code_set_key in (:keys)")
			.param("keys", List.copyOf(new HashSet<>(keys)))
			.query((rs, n) -> values.get(rs.getString(1)).add(rs.getString(2)))
			.list();
		return values;
	}

	@Transactional
	public CodeSet create(String key, Map<String, String> name, List<Item> items) {
		check(key, name, items);
		int inserted = jdbc.sql("insert into workflow_code_set (key, name) values (:k, cast(:n as jsonb)) on conflict (key) do nothing")
			.param("k", key).param("n", json.writeValueAsString(name)).update();
		if (inserted == 0) {
			throw PlatformException.conflict("workflow.code-set.exists", key);
		}
		insertItems(key, items);
		audit.record("workflow.code-set.create", "workflow-code-set:" + key, Map.of("name", name, "items", items.size()));
		return find(key).orElseThrow();
	}

	/** Replaces the name and the items; what changed goes to the audit log. */
	@Transactional
	public CodeSet update(String key, Map<String, String> name, List<Item> items) {
		check(key, name, items);
		List<Item> before = jdbc.sql("select key from workflow_code_set where key = :k for update").param("k", key)
			.query(String.class).optional().map(k -> items(key))
			.orElseThrow(() -> PlatformException.notFound("code set", key));
		jdbc.sql("update workflow_code_set set name = cast(:n as jsonb), updated_at = now() where key = :k")
			.param("k", key).param("n", json.writeValueAsString(name)).update();
		jdbc.sql("delete from workflow_code_set_item where code_set_key = :k").param("k", key).update();
		insertItems(key, items);
		Set<String> old = new HashSet<>();
		before.forEach(i -> old.add(i.value()));
		Set<String> now = new HashSet<>();
		items.forEach(i -> now.add(i.value()));
		List<String> added = items.stream().map(Item::value).filter(v -> !old.contains(v)).toList();
		List<String> removed = before.stream().map(Item::value).filter(v -> !now.contains(v)).toList();
		List<String> disabled = items.stream().filter(i -> !i.enabled()).map(Item::value).toList();
		audit.record("workflow.code-set.update", "workflow-code-set:" + key,
				Map.of("name", name, "added", added, "removed", removed, "disabled", disabled));
		return find(key).orElseThrow();
	}

	private void check(String key, Map<String, String> name, List<Item> items) {
		List<FieldProblem> problems = new ArrayList<>();
		if (key == null || !key.matches(KEY)) {
			problems.add(new FieldProblem("key", "workflow.code-set.key"));
		}
		if (name == null || blank(name.get("zh-CN"))) {
			problems.add(new FieldProblem("name.zh-CN", "workflow.code-set.name"));
		}
		if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
			problems.add(new FieldProblem("items", "workflow.code-set.items", MAX_ITEMS));
		}
		else {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				if (item == null || item.value() == null || !item.value().matches(VALUE)) {
					problems.add(new FieldProblem("items[" + i + "].value", "workflow.code-set.value"));
				}
				else if (!seen.add(item.value())) {
					problems.add(new FieldProblem("items[" + i + "].value", "workflow.code-set.duplicate", item.value()));
				}
				if (item != null && (item.label() == null || blank(item.label().get("zh-CN"))
						|| item.label().values().stream().anyMatch(l -> l != null && l.length() > 200))) {
					problems.add(new FieldProblem("items[" + i + "].label", "workflow.code-set.label"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private void insertItems(String key, List<Item> items) {
		for (Item item : items) {
			jdbc.sql("""
					insert into workflow_code_set_item (code_set_key, value, label, sort, enabled)
					values (:k, :v, cast(:l as jsonb), :s, :e)""")
				.param("k", key).param("v", item.value()).param("l", json.writeValueAsString(item.label()))
				.param("s", item.sort()).param("e", item.enabled()).update();
		}
	}

	private List<Item> items(String key) {
		return jdbc.sql("""
				select value, label::text as label, sort, enabled from workflow_code_set_item
				where code_set_key = :k order by sort, value""")
			.param("k", key)
			.query((rs, n) -> new Item(rs.getString("value"), localized(rs.getString("label")), rs.getInt("sort"),
					rs.getBoolean("enabled")))
			.list();
	}

	private Map<String, String> localized(String text) {
		return json.readValue(text, LOCALIZED);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
