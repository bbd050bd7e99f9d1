package org.onecampus.workflow.internal.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Contact;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What people see of instances and tasks: the instance with its current nodes and timeline, the
 * task lists (to-do, done, CC) read from our own projection, and a task with its form. Someone who
 * may not see an instance gets 404, as if it did not exist.
 */
@Service
class InstanceViews {

	private final Instances instances;

	private final ProcessVersions versions;

	private final PersonDirectory directory;

	private final ObjectProvider<Forms> forms;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InstanceViews(Instances instances, ProcessVersions versions, PersonDirectory directory, ObjectProvider<Forms> forms,
			JdbcClient jdbc, JsonMapper json) {
		this.instances = instances;
		this.versions = versions;
		this.directory = directory;
		this.forms = forms;
		this.jdbc = jdbc;
		this.json = json;
	}

	record Person(UUID id, String name) {
	}

	record Handler(String taskId, Person person) {
	}

	record CurrentNode(String nodeId, Map<String, String> nodeName, List<Handler> handlers) {
	}

	record Step(String action, String nodeId, Map<String, String> nodeName, Person actor, Instant at, String comment,
			JsonNode attachments, JsonNode data, JsonNode details) {
	}

	record InstanceView(UUID id, String processKey, int version, Map<String, String> processName, String status,
			Person applicant, Instant startedAt, Instant endedAt, Map<String, Object> formData, List<CurrentNode> current,
			List<Step> timeline, boolean canWithdraw, boolean canAdminister, boolean archived, FormRef form,
			Map<String, FieldAccess> fieldAccess) {
	}

	InstanceView instance(UUID id, CampusUser viewer) {
		Optional<InstanceRecord> live = instances.find(id);
		if (live.isEmpty()) {
			// moved to the archive by the retention job: its applicant (and the platform's process
			// administrators) still read it, as it was when it ended
			Instances.Archived archived = instances.archived(id)
				.filter(a -> a.instance().applicantId().equals(viewer.personId()) || viewer.hasPermission("workflow:process:admin"))
				.orElseThrow(() -> PlatformException.notFound("instance", id));
			return view(archived.instance(), archived.tasks(), archived.actions(), viewer, true);
		}
		InstanceRecord instance = visible(live.get(), viewer);
		return view(instance, instances.tasks(id), instances.actions(id), viewer, false);
	}

	private InstanceView view(InstanceRecord instance, List<TaskRecord> tasks, List<Instances.ActionRow> actions,
			CampusUser viewer, boolean archived) {
		UUID id = instance.id();
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		Set<UUID> people = new HashSet<>();
		people.add(instance.applicantId());
		tasks.forEach(t -> people.add(t.assigneeId()));
		actions.stream().filter(a -> a.actorId() != null).forEach(a -> people.add(a.actorId()));
		Map<UUID, String> names = names(people);
		Map<String, CurrentNode> current = new LinkedHashMap<>();
		tasks.stream().filter(t -> "OPEN".equals(t.status())).forEach(t -> current
			.computeIfAbsent(t.nodeId(), n -> new CurrentNode(n, version.nodeName(n), new ArrayList<>()))
			.handlers().add(new Handler(t.id(), person(t.assigneeId(), names))));
		Map<String, FieldAccess> access = viewerAccess(instance, version, tasks, viewer.personId());
		boolean hideFields = access != null;
		List<Step> timeline = actions.stream().map(a -> new Step(a.action(), a.nodeId(),
				a.nodeId() == null || version.nodes().path(a.nodeId()).isMissingNode() ? null : version.nodeName(a.nodeId()), a.actorId() == null ? null : person(a.actorId(), names),
				a.at().toInstant(), a.comment(), json.readTree(a.attachments()),
				a.snapshot() == null ? null : json.valueToTree(visible(version, access, map(a.snapshot()), hideFields)),
				json.readTree(a.details())))
			.toList();
		boolean admin = administers(version, viewer);
		return new InstanceView(id, instance.processKey(), instance.version(), version.name(), instance.status(),
				person(instance.applicantId(), names), instance.startedAt(), instance.endedAt(),
				visible(version, access, instance.formData(), hideFields), List.copyOf(current.values()), timeline,
				!archived && instance.applicantId().equals(viewer.personId()) && instance.active()
						&& !instances.approverActed(id, viewer.personId()),
				!archived && admin, archived, form(version), access == null ? Map.of() : access);
	}

	/** The form version the instance's process version pins, for rendering its data with labels; null without one. */
	private FormRef form(ProcessVersion version) {
		Forms available = forms.getIfAvailable();
		if (version.formKey() == null || available == null) {
			return null;
		}
		Forms.FormVersion fv = available.version(version.formKey(), version.formVersion());
		return new FormRef(fv.key(), fv.version(), fv.name(), fv.schema(), fv.layout());
	}

	/** The instance if the viewer may see it (applicant, handler, CC recipient, process administrator); else 404. */
	InstanceRecord visible(UUID id, CampusUser viewer) {
		return visible(instances.find(id).orElseThrow(() -> PlatformException.notFound("instance", id)), viewer);
	}

	private InstanceRecord visible(InstanceRecord instance, CampusUser viewer) {
		if (participates(instance, viewer.personId())
				|| viewer.hasPermission("workflow:process:admin")) {
			return instance;
		}
		throw PlatformException.notFound("instance", instance.id());
	}

	/** Whether the person is the applicant, a current or past handler, a CC recipient or an administrator of the process. */
	boolean participates(InstanceRecord instance, UUID person) {
		if (instance.applicantId().equals(person) || instances.isHandler(instance.id(), person)
				|| instances.isCopied(instance.id(), person)) {
			return true;
		}
		return versions.find(instance.processKey(), instance.version()).orElseThrow().admins().contains(person);
	}

	/** The instance if the viewer administers its process; else 404. */
	InstanceRecord administered(UUID id, CampusUser viewer) {
		InstanceRecord instance = instances.find(id).orElseThrow(() -> PlatformException.notFound("instance", id));
		if (!administers(versions.find(instance.processKey(), instance.version()).orElseThrow(), viewer)) {
			throw PlatformException.notFound("instance", id);
		}
		return instance;
	}

	/** Whether the viewer administers the instance's process (and so may see the instance). */
	boolean administers(InstanceRecord instance, CampusUser viewer) {
		return administers(versions.find(instance.processKey(), instance.version()).orElseThrow(), viewer);
	}

	static boolean administers(ProcessVersion version, CampusUser viewer) {
		return viewer.hasPermission("workflow:process:admin") || version.admins().contains(viewer.personId());
	}

	record TaskItem(String taskId, UUID instanceId, String processKey, Map<String, String> processName, String nodeId,
			Map<String, String> nodeName, Person applicant, String status, String outcome, String instanceStatus,
			Instant createdAt, Instant endedAt) {
	}

	/** The viewer's to-do, done or CC list, newest first, read from the task projection's partial indexes. */
	Page<TaskItem> tasks(UUID me, String scope, PageQuery page) {
		String from;
		String order;
		switch (scope) {
			case "todo" -> {
				from = "workflow_task t join workflow_instance i on i.id = t.instance_id where t.assignee_id = :me and t.status = 'OPEN'";
				order = "t.created_at desc, t.id";
			}
			case "done" -> {
				from = "workflow_task t join workflow_instance i on i.id = t.instance_id where t.assignee_id = :me and t.status = 'DONE'";
				order = "t.ended_at desc, t.id";
			}
			case "cc" -> {
				from = "workflow_cc c join workflow_instance i on i.id = c.instance_id where c.person_id = :me";
				order = "c.created_at desc, i.id";
			}
			default -> throw new PlatformException(org.springframework.http.HttpStatus.BAD_REQUEST, "request.parameter", "scope");
		}
		boolean cc = "cc".equals(scope);
		// the total needs no join: every task and CC row has its instance (foreign key), and without the
		// join a person with 20,000 finished tasks is counted from the partial index alone
		String counted = cc ? "workflow_cc c where c.person_id = :me"
				: "workflow_task t where t.assignee_id = :me and t.status = '" + ("todo".equals(scope) ? "OPEN" : "DONE") + "'";
		long total = jdbc.sql("select count(*) from " + counted).param("me", me).query(Long.class).single();
		String columns = cc
				? "null as id, i.id as instance_id, i.process_key, i.version, c.node_id, null as status, null as outcome, c.created_at, null::timestamptz as ended_at"
				: "t.id, i.id as instance_id, i.process_key, i.version, t.node_id, t.status, t.outcome, t.created_at, t.ended_at";
		record Row(String id, UUID instanceId, String processKey, int version, String nodeId, String status, String outcome,
				Instant createdAt, Instant endedAt, UUID applicant, String instanceStatus) {
		}
		List<Row> rows = jdbc.sql("select " + columns + ", i.applicant_id, i.status as instance_status from " + from
				+ " order by " + order + " limit :limit offset :offset")
			.param("me", me).param("limit", page.sizeOrDefault()).param("offset", page.offset())
			.query((rs, n) -> new Row(rs.getString("id"), rs.getObject("instance_id", UUID.class), rs.getString("process_key"),
					rs.getInt("version"), rs.getString("node_id"), rs.getString("status"), rs.getString("outcome"),
					rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("ended_at") == null ? null : rs.getTimestamp("ended_at").toInstant(),
					rs.getObject("applicant_id", UUID.class), rs.getString("instance_status")))
			.list();
		Map<UUID, String> names = names(rows.stream().map(Row::applicant).toList());
		Map<String, ProcessVersion> cache = new LinkedHashMap<>();
		List<TaskItem> items = rows.stream().map(r -> {
			ProcessVersion v = cache.computeIfAbsent(r.processKey() + "/" + r.version(),
					k -> versions.find(r.processKey(), r.version()).orElseThrow());
			return new TaskItem(r.id(), r.instanceId(), r.processKey(), v.name(), r.nodeId(), v.nodeName(r.nodeId()),
					person(r.applicant(), names), r.status(), r.outcome(), r.instanceStatus(), r.createdAt(), r.endedAt());
		}).toList();
		return new Page<>(items, page.pageOrDefault(), page.sizeOrDefault(), total);
	}

	record FormRef(String key, int version, Map<String, String> name, JsonNode schema, JsonNode layout) {
	}

	record TaskDetail(String taskId, UUID instanceId, String processKey, Map<String, String> processName, String nodeId,
			Map<String, String> nodeName, String nodeType, String status, String outcome, Person applicant, FormRef form,
			Map<String, Object> data, Map<String, FieldAccess> fieldAccess, List<String> actions,
			List<String> chooseNextFor) {
	}

	/** A task of the viewer (or of a process they administer), with its form and what they may do. */
	TaskDetail task(String taskId, CampusUser viewer) {
		TaskRecord task = instances.task(taskId).orElseThrow(() -> PlatformException.notFound("task", taskId));
		InstanceRecord instance = instances.find(task.instanceId()).orElseThrow();
		ProcessVersion version = versions.find(instance.processKey(), instance.version()).orElseThrow();
		boolean mine = task.assigneeId().equals(viewer.personId());
		if (!mine && !administers(version, viewer)) {
			throw PlatformException.notFound("task", taskId);
		}
		Map<String, FieldAccess> access = InstanceRuntime.access(version, task.nodeId());
		FormRef form = form(version);
		List<String> actions = mine && "OPEN".equals(task.status()) && "RUNNING".equals(instance.status())
				? ("HANDLER".equals(task.nodeType()) ? List.of("approval", "return", "transfer", "delegation", "signers")
						: List.of("approval", "rejection", "return", "transfer", "delegation", "signers"))
				: List.of();
		List<String> chooseNext = new ArrayList<>();
		version.nodes().properties().forEach(e -> {
			if ("PREVIOUS_CHOOSES".equals(e.getValue().path("config").path("assignee").path("rule").asString(""))) {
				chooseNext.add(e.getKey());
			}
		});
		Map<UUID, String> names = names(List.of(instance.applicantId()));
		return new TaskDetail(taskId, instance.id(), instance.processKey(), version.name(), task.nodeId(),
				version.nodeName(task.nodeId()), task.nodeType(), task.status(), task.outcome(),
				person(instance.applicantId(), names), form, visible(version, access, instance.formData(), true), access,
				actions, actions.isEmpty() ? List.of() : chooseNext);
	}

	/** The viewer's field access when they see the instance as a handler (not applicant or admin); else null. */
	private Map<String, FieldAccess> viewerAccess(InstanceRecord instance, ProcessVersion version, List<TaskRecord> tasks,
			UUID me) {
		if (instance.applicantId().equals(me)) {
			return null;
		}
		return tasks.stream().filter(t -> t.assigneeId().equals(me)).reduce((a, b) -> b)
			.map(t -> InstanceRuntime.access(version, t.nodeId())).orElse(null);
	}

	private Map<String, Object> visible(ProcessVersion version, Map<String, FieldAccess> access, Map<String, Object> data,
			boolean apply) {
		if (!apply || access == null) {
			return data;
		}
		Forms available = forms.getIfAvailable();
		if (available != null && version.formKey() != null) {
			return available.visibleTo(access, data, false);
		}
		Map<String, Object> copy = new LinkedHashMap<>(data);
		access.forEach((field, a) -> {
			if (a == FieldAccess.HIDDEN) {
				copy.remove(field);
			}
		});
		return copy;
	}

	private Map<String, Object> map(String text) {
		return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	private Map<UUID, String> names(Collection<UUID> ids) {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Contact contact : directory.contacts(new HashSet<>(ids))) {
			names.put(contact.personId(), contact.name());
		}
		return names;
	}

	private static Person person(UUID id, Map<UUID, String> names) {
		return new Person(id, names.get(id));
	}
}
