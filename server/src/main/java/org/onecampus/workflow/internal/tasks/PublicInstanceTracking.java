package org.onecampus.workflow.internal.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.workflow.InstanceTracking;
import org.onecampus.workflow.Processes.InstanceSummary;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link InstanceTracking} over the task projection and the action trail; withdraw and resubmission go through
 * the same runtime operations as the workflow's own endpoints.
 */
@Service
class PublicInstanceTracking implements InstanceTracking {

	private final Instances instances;

	private final ProcessVersions versions;

	private final PersonDirectory directory;

	private final InstanceRuntime runtime;

	private final TaskOperations operations;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	PublicInstanceTracking(Instances instances, ProcessVersions versions, PersonDirectory directory,
			InstanceRuntime runtime, TaskOperations operations, JdbcClient jdbc, JsonMapper json) {
		this.instances = instances;
		this.versions = versions;
		this.directory = directory;
		this.runtime = runtime;
		this.operations = operations;
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Progress> progress(UUID instanceId) {
		return instances.find(instanceId).map(this::progress);
	}

	private Progress progress(InstanceRecord instance) {
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		List<TaskRecord> tasks = instances.tasks(instance.id());
		List<Instances.ActionRow> actions = instances.actions(instance.id());
		Set<UUID> people = new HashSet<>();
		people.add(instance.applicantId());
		tasks.forEach(t -> people.add(t.assigneeId()));
		actions.stream().filter(a -> a.actorId() != null).forEach(a -> people.add(a.actorId()));
		Map<UUID, String> names = new LinkedHashMap<>();
		directory.contacts(people).forEach(c -> names.put(c.personId(), c.name()));
		Map<String, List<Person>> handlers = new LinkedHashMap<>();
		Map<String, Instant> since = new LinkedHashMap<>();
		tasks.stream().filter(t -> "OPEN".equals(t.status())).forEach(t -> {
			handlers.computeIfAbsent(t.nodeId(), n -> new ArrayList<>()).add(new Person(t.assigneeId(), names.get(t.assigneeId())));
			since.merge(t.nodeId(), t.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
		});
		List<CurrentNode> current = new ArrayList<>();
		handlers.forEach((node, persons) -> current.add(new CurrentNode(node, version.nodeName(node), List.copyOf(persons),
				since.get(node))));
		List<Step> timeline = actions.stream().map(a -> new Step(a.action(),
				a.actorId() == null ? null : new Person(a.actorId(), names.get(a.actorId())), a.nodeId(),
				a.nodeId() == null || version.nodes().path(a.nodeId()).isMissingNode() ? null : version.nodeName(a.nodeId()),
				a.at().toInstant(), a.comment(), attachments(a.attachments())))
			.toList();
		return new Progress(instance.id(), instance.processKey(), instance.version(), version.name(), instance.applicantId(),
				instance.status(), instance.startedAt(), instance.endedAt(), instance.formData(), current, timeline,
				version.formKey(), version.formVersion());
	}

	private JsonNode attachments(String text) {
		return text == null ? json.createArrayNode() : json.readTree(text);
	}

	@Override
	public Optional<StartForm> startForm(String processKey) {
		return versions.latest(processKey).filter(v -> v.formKey() != null && v.formVersion() != null)
			.map(v -> new StartForm(processKey, v.version(), v.formKey(), v.formVersion(), InstanceRuntime.access(v, null)));
	}

	@Override
	public boolean participates(UUID instanceId, UUID personId) {
		return instances.isHandler(instanceId, personId) || instances.isCopied(instanceId, personId);
	}

	@Override
	public Set<UUID> involved(UUID personId, String kind, Collection<UUID> among) {
		if (among.isEmpty()) {
			return Set.of();
		}
		String sql = "CC".equals(kind)
				? "select distinct instance_id from workflow_cc where person_id = :p and instance_id = any(:ids)"
				: "select distinct instance_id from workflow_task where assignee_id = :p and instance_id = any(:ids)";
		return new LinkedHashSet<>(jdbc.sql(sql).param("p", personId).param("ids", among.toArray(UUID[]::new))
			.query(UUID.class).list());
	}

	@Override
	public List<UUID> involvedIn(UUID personId, String kind, Collection<String> processKeys, int limit) {
		if (processKeys.isEmpty()) {
			return List.of();
		}
		String sql = "CC".equals(kind) ? """
				select c.instance_id from workflow_cc c join workflow_instance i on i.id = c.instance_id
				where c.person_id = :p and i.process_key = any(:keys)
				group by c.instance_id order by max(c.created_at) desc limit :limit"""
				: """
				select t.instance_id from workflow_task t join workflow_instance i on i.id = t.instance_id
				where t.assignee_id = :p and i.process_key = any(:keys)
				group by t.instance_id order by max(t.created_at) desc limit :limit""";
		return jdbc.sql(sql).param("p", personId).param("keys", processKeys.toArray(String[]::new)).param("limit", limit)
			.query(UUID.class).list();
	}

	@Override
	public InstanceSummary withdraw(UUID instanceId, UUID applicantId, String reason) {
		return runtime.withdraw(instanceId, applicantId, reason);
	}

	@Override
	public InstanceSummary resubmit(UUID instanceId, UUID applicantId, Map<String, Object> formData, String comment) {
		return operations.resubmit(instanceId, applicantId, formData, new TaskOperations.Note(comment, null));
	}
}
