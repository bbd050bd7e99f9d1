package org.onecampus.workflow.internal.processes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.onecampus.kernel.cache.RecentReads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published process versions. A published version never changes (a rollback publishes a new one), so
 * {@link #find} keeps what it read in memory: the runtime asks for the version of an instance several
 * times per action (the node configuration, names, field permissions), and the row carries the BPMN XML.
 * A row enters the cache only once the transaction that read it has committed, so a version inserted by
 * a transaction that rolls back is never remembered.
 */
@Repository
public class ProcessVersions {

	private final Map<String, ProcessVersion> published = new ConcurrentHashMap<>();

	private final RecentReads<String, Map<String, String>> latestNames = new RecentReads<>();

	private static final String COLUMNS = """
			process_key, version, name::text as name, admins::text as admins, applicants::text as applicants, form_key,
			form_version, engine_definition_id, nodes::text as nodes, bpmn_xml, model::text as model, published_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ProcessVersions(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<ProcessVersion> latest(String processKey) {
		return jdbc.sql("select " + COLUMNS + " from workflow_process_version where process_key = :k order by version desc limit 1")
			.param("k", processKey).query(this::map).optional();
	}

	/**
	 * The names of the newest version of a process (every notice of a task names its process), through a
	 * short cache ({@link RecentReads}): a newly published name reaches the notices within its few seconds.
	 */
	public Optional<Map<String, String>> latestName(String processKey) {
		return Optional.ofNullable(latestNames.get(processKey, key -> jdbc.sql(
				"select name::text from workflow_process_version where process_key = ? order by version desc limit 1")
			.param(key)
			.query((rs, n) -> names(json.readTree(rs.getString(1))))
			.optional()
			.orElse(null)));
	}

	/** The newest published version of every process, by key. */
	public List<ProcessVersion> latestOfEach() {
		return jdbc.sql("select distinct on (process_key) " + COLUMNS
				+ " from workflow_process_version order by process_key, version desc")
			.query(this::map).list();
	}

	public Optional<ProcessVersion> find(String processKey, int version) {
		String cacheKey = version + ":" + processKey;
		ProcessVersion cached = published.get(cacheKey);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<ProcessVersion> found = jdbc.sql("select " + COLUMNS + " from workflow_process_version where process_key = :k and version = :v")
			.param("k", processKey).param("v", version).query(this::map).optional();
		found.ifPresent(v -> remember(cacheKey, v));
		return found;
	}

	private void remember(String cacheKey, ProcessVersion version) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			published.putIfAbsent(cacheKey, version);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				published.putIfAbsent(cacheKey, version);
			}
		});
	}

	private static Map<String, String> names(JsonNode name) {
		Map<String, String> names = new LinkedHashMap<>();
		name.properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
		return java.util.Collections.unmodifiableMap(names);
	}

	private ProcessVersion map(ResultSet rs, int row) throws SQLException {
		Map<String, String> names = names(json.readTree(rs.getString("name")));
		List<UUID> admins = new ArrayList<>();
		json.readTree(rs.getString("admins")).forEach(a -> admins.add(UUID.fromString(a.asString())));
		String model = rs.getString("model");
		return new ProcessVersion(rs.getString("process_key"), rs.getInt("version"), names, admins,
				json.readTree(rs.getString("applicants")), rs.getString("form_key"), (Integer) rs.getObject("form_version"),
				rs.getString("engine_definition_id"), json.readTree(rs.getString("nodes")), rs.getString("bpmn_xml"),
				model == null ? null : json.readTree(model), rs.getTimestamp("published_at").toInstant());
	}
}
