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
import org.onecampus.workflow.ModuleCodeSets;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code sets: named lists of choices that select, radio and checkbox fields reference by key instead of listing
 * options inline (民族, 政治面貌, 校区 …). Each item has a value, zh/en labels, a sort order and an enabled flag; a
 * disabled item is no longer offered or accepted but still labels the data that used it. Changes are audited. A set
 * owned by a module ({@link ModuleCodeSets}) is kept by that module and refused here (409).
 */
@Service
public class CodeSets implements CodeSetValues, ModuleCodeSets {

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

	/** @param owner the module that keeps the set, or null for a set edited here */
	public record CodeSet(String key, Map<String, String> name, String owner, List<Item> items) {
	}

	public record Summary(String key, Map<String, String> name, String owner, int items, int enabled) {
	}

	public List<Summary> list() {
		return jdbc.sql("""
				select s.key, s.name::text as name, s.owner, count(i.value) as items,
				  count(i.value) filter (where i.enabled) as enabled
				from workflow_code_set s left join workflow_code_set_item i on i.code_set_key = s.key
				group by s.key, s.name::text, s.owner order by s.key""")
			.query((rs, n) -> new Summary(rs.getString("key"), localized(rs.getString("name")), rs.getString("owner"),
					rs.getInt("items"), rs.getInt("enabled")))
			.list();
	}

	public Optional<CodeSet> find(String key) {
		return jdbc.sql("select name::text as name, owner from workflow_code_set where key = :k").param("k", key)
			.query((rs, n) -> new CodeSet(key, localized(rs.getString("name")), rs.getString("owner"), List.of()))
			.optional().map(s -> new CodeSet(key, s.name(), s.owner(), items(key)));
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
		check(key, name, items, false);
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
		check(key, name, items, false);
		Optional<String> owner = jdbc.sql("select coalesce(owner, '') from workflow_code_set where key = :k for update")
			.param("k", key).query(String.class).optional();
		if (owner.isEmpty()) {
			throw PlatformException.notFound("code set", key);
		}
		if (!owner.get().isEmpty()) {
			throw PlatformException.conflict("workflow.code-set.owned", key, owner.get());
		}
		List<Item> before = items(key);
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

	@Override
	@Transactional
	public boolean replace(String key, String owner, Map<String, String> name, List<Value> values) {
		List<Item> items = values.stream().map(v -> new Item(v.value(), v.label(), v.sort(), v.enabled())).toList();
		check(key, name, items, true);
		if (owner == null || !owner.matches("[a-z][a-z0-9-]{1,31}")) {
			throw new IllegalArgumentException("Not a module name: " + owner);
		}
		String nameJson = json.writeValueAsString(name);
		jdbc.sql("insert into workflow_code_set (key, name, owner) values (:k, cast(:n as jsonb), :o) on conflict (key) do nothing")
			.param("k", key).param("n", nameJson).param("o", owner).update();
		CodeSet current = jdbc.sql("select owner, name::text as name from workflow_code_set where key = :k for update")
			.param("k", key)
			.query((rs, n) -> new CodeSet(key, localized(rs.getString("name")), rs.getString("owner"), List.of()))
			.single();
		if (current.owner() != null && !current.owner().equals(owner)) {
			throw PlatformException.conflict("workflow.code-set.owned", key, current.owner());
		}
		Map<String, Item> before = new LinkedHashMap<>();
		items(key).forEach(i -> before.put(i.value(), i));
		Map<String, Item> after = new LinkedHashMap<>();
		items.forEach(i -> after.put(i.value(), i));
		before.values().stream().filter(i -> !after.containsKey(i.value()))
			.forEach(i -> after.put(i.value(), new Item(i.value(), i.label(), i.sort(), false)));
		List<String> added = after.keySet().stream().filter(v -> !before.containsKey(v)).toList();
		List<String> changed = after.values().stream()
			.filter(i -> before.containsKey(i.value()) && !before.get(i.value()).equals(i)).map(Item::value).toList();
		boolean renamed = !name.equals(current.name()) || current.owner() == null;
		if (added.isEmpty() && changed.isEmpty() && !renamed) {
			return false;
		}
		jdbc.sql("update workflow_code_set set name = cast(:n as jsonb), owner = :o, updated_at = now() where key = :k")
			.param("k", key).param("n", nameJson).param("o", owner).update();
		Set<String> write = new HashSet<>(added);
		write.addAll(changed);
		for (Item item : after.values()) {
			if (write.contains(item.value())) {
				jdbc.sql("""
						insert into workflow_code_set_item (code_set_key, value, label, sort, enabled)
						values (:k, :v, cast(:l as jsonb), :s, :e)
						on conflict (code_set_key, value) do update
						  set label = excluded.label, sort = excluded.sort, enabled = excluded.enabled""")
					.param("k", key).param("v", item.value()).param("l", json.writeValueAsString(item.label()))
					.param("s", item.sort()).param("e", item.enabled()).update();
			}
		}
		List<String> disabled = after.values().stream().filter(i -> !i.enabled()).map(Item::value).toList();
		audit.record("workflow.code-set.replace", "workflow-code-set:" + key,
				Map.of("owner", owner, "added", added, "changed", changed, "disabled", disabled));
		return true;
	}

	private void check(String key, Map<String, String> name, List<Item> items, boolean mayBeEmpty) {
		List<FieldProblem> problems = new ArrayList<>();
		if (key == null || !key.matches(KEY)) {
			problems.add(new FieldProblem("key", "workflow.code-set.key"));
		}
		if (name == null || blank(name.get("zh-CN"))) {
			problems.add(new FieldProblem("name.zh-CN", "workflow.code-set.name"));
		}
		if (items == null || items.isEmpty() && !mayBeEmpty || items.size() > MAX_ITEMS) {
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
