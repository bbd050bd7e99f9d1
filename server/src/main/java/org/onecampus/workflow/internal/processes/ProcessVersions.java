package org.onecampus.workflow.internal.processes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Published process versions. */
@Repository
public class ProcessVersions {

	private static final String COLUMNS = """
			process_key, version, name::text as name, admins::text as admins, applicants::text as applicants, form_key,
			form_version, engine_definition_id, nodes::text as nodes, bpmn_xml, model::text as model, published_at""";

	/** Bound on the cache of published versions (a campus has hundreds of process versions, not thousands). */
	private static final int MAX_CACHED = 2_000;

	private final Map<String, ProcessVersion> published = new java.util.concurrent.ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProcessVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ProcessVersion> latest(String processKey) {
		return jdbc.sql("select max(version) from workflow_process_version where process_key = :k").param("k", processKey)
			.query(Integer.class).optional().flatMap(version -> find(processKey, version));
	}

	/**
	 * A published version never changes, so it is read and parsed once per node and then served from
	 * memory: every action on an instance needs its version's node configuration, and reading it
	 * (with the BPMN XML) and parsing its JSON on each call was the largest avoidable cost of an
	 * approval (see docs/benchmarks.md, workflow throughput). Anything that ever deletes or rewrites a
	 * version row must call {@link #evict}.
	 */
	public Optional<ProcessVersion> find(String processKey, int version) {
		String key = processKey + "/" + version;
		ProcessVersion cached = published.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<ProcessVersion> found = jdbc
			.sql("select " + COLUMNS + " from workflow_process_version where process_key = :k and version = :v")
			.param("k", processKey).param("v", version).query(this::map).optional();
		found.ifPresent(v -> {
			// a row read inside a transaction may be that transaction's own insert: cache it only once committed
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						remember(key, v);
					}
				});
			}
			else {
				remember(key, v);
			}
		});
		return found;
	}

	private void remember(String key, ProcessVersion version) {
		if (published.size() >= MAX_CACHED) {
			published.clear();
		}
		published.put(key, version);
	}

	/** Forgets a cached version (for whatever deletes or rewrites a version row). */
	public void evict(String processKey, int version) {
		published.remove(processKey + "/" + version);
	}

	private ProcessVersion map(ResultSet rs, int row) throws SQLException {
		JsonNode name = json.readTree(rs.getString("name"));
		Map<String, String> names = new LinkedHashMap<>();
		name.properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
		List<UUID> admins = new ArrayList<>();
		json.readTree(rs.getString("admins")).forEach(a -> admins.add(UUID.fromString(a.asString())));
		String model = rs.getString("model");
		return new ProcessVersion(rs.getString("process_key"), rs.getInt("version"), names, admins,
				json.readTree(rs.getString("applicants")), rs.getString("form_key"), (Integer) rs.getObject("form_version"),
				rs.getString("engine_definition_id"), json.readTree(rs.getString("nodes")), rs.getString("bpmn_xml"),
				model == null ? null : json.readTree(model), rs.getTimestamp("published_at").toInstant());
	}
}
