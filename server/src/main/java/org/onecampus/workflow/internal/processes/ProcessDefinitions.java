package org.onecampus.workflow.internal.processes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.internal.engine.FlowableEngine;
import org.onecampus.workflow.internal.engine.ModelOutline;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creating and editing process drafts, and publishing them as new deployed versions. */
@Service
public class ProcessDefinitions {

	static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{2,63}");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final FlowableEngine engine;

	private final NodeConfigValidator configs;

	private final ProcessVersions versions;

	private final ObjectProvider<Forms> forms;

	private final AuditLog audit;

	ProcessDefinitions(JdbcClient jdbc, JsonMapper json, FlowableEngine engine, NodeConfigValidator configs,
			ProcessVersions versions, ObjectProvider<Forms> forms, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.engine = engine;
		this.configs = configs;
		this.versions = versions;
		this.forms = forms;
		this.audit = audit;
	}

	/** A draft with its key and the number of its latest published version (0: none). */
	public record ProcessView(String key, ProcessDraft draft, int latestVersion) {
	}

	@Transactional
	public ProcessView create(String key, ProcessDraft draft, UUID creator) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw PlatformException.invalid(List.of(new FieldProblem("key", "workflow.process.key")));
		}
		checkDraft(draft);
		int inserted = jdbc.sql("""
				insert into workflow_process (key, name, owner_org_unit_id, admins, applicants, form_key, form_version,
				  draft_model, draft_bpmn, created_by)
				values (:key, cast(:name as jsonb), :owner, cast(:admins as jsonb), cast(:applicants as jsonb), :formKey,
				  :formVersion, cast(:model as jsonb), :bpmn, :creator)
				on conflict (key) do nothing""")
			.params(params(key, draft)).param("creator", creator).update();
		if (inserted == 0) {
			throw PlatformException.conflict("workflow.process.exists", key);
		}
		audit.record("workflow.process.create", "process:" + key, Map.of());
		return find(key).orElseThrow();
	}

	@Transactional
	public ProcessView update(String key, ProcessDraft draft) {
		checkDraft(draft);
		int updated = jdbc.sql("""
				update workflow_process set name = cast(:name as jsonb), owner_org_unit_id = :owner,
				  admins = cast(:admins as jsonb), applicants = cast(:applicants as jsonb), form_key = :formKey,
				  form_version = :formVersion, draft_model = cast(:model as jsonb), draft_bpmn = :bpmn, updated_at = now()
				where key = :key""").params(params(key, draft)).update();
		if (updated == 0) {
			throw PlatformException.notFound("process", key);
		}
		audit.record("workflow.process.update", "process:" + key, Map.of());
		return find(key).orElseThrow();
	}

	public Optional<ProcessView> find(String key) {
		return jdbc.sql("""
				select key, name::text as name, owner_org_unit_id, admins::text as admins, applicants::text as applicants,
				  form_key, form_version, draft_model::text as model, draft_bpmn, latest_version
				from workflow_process where key = :key""").param("key", key)
			.query((rs, n) -> new ProcessView(rs.getString("key"), new ProcessDraft(names(rs.getString("name")),
					rs.getString("form_key"), (Integer) rs.getObject("form_version"), json.readTree(rs.getString("applicants")),
					uuids(rs.getString("admins")), rs.getObject("owner_org_unit_id", UUID.class),
					rs.getString("model") == null ? null : json.readTree(rs.getString("model")), rs.getString("draft_bpmn")),
					rs.getInt("latest_version")))
			.optional();
	}

	public List<ProcessView> list() {
		return jdbc.sql("select key from workflow_process order by key").query(String.class).list().stream()
			.map(key -> find(key).orElseThrow()).toList();
	}

	/**
	 * The draft as BPMN XML with {@code onecampus:config} and {@code onecampus:condition} attributes, for the
	 * routing simulator: the simple model compiled, or the BPMN draft as it is.
	 * @throws PlatformException 404 for an unknown process, 422 when the draft has no model or does not compile
	 */
	public String draftBpmn(String key) {
		ProcessDraft draft = find(key).orElseThrow(() -> PlatformException.notFound("process", key)).draft();
		if (draft.model() != null && !draft.model().isNull()) {
			SimpleModelCompiler.Compiled compiled = SimpleModelCompiler.compile(key, draft.name().getOrDefault("zh-CN", key),
					draft.model(), configs);
			if (!compiled.problems().isEmpty() || compiled.bpmnXml() == null) {
				throw invalidModel(compiled.problems());
			}
			return compiled.bpmnXml();
		}
		if (draft.bpmnXml() != null && !draft.bpmnXml().isBlank()) {
			return draft.bpmnXml();
		}
		throw PlatformException.invalid(List.of(new FieldProblem("model", "workflow.model.empty")));
	}

	/**
	 * Compiles, validates and deploys the draft as the next version.
	 * @throws PlatformException 422 with one error per offending node
	 */
	@Transactional
	public ProcessVersion publish(String key, UUID publisher) {
		jdbc.sql("select key from workflow_process where key = :key for update").param("key", key).query(String.class)
			.optional().orElseThrow(() -> PlatformException.notFound("process", key));
		ProcessView view = find(key).orElseThrow();
		ProcessDraft draft = view.draft();
		List<FieldProblem> problems = new ArrayList<>();
		String source;
		if (draft.model() != null && !draft.model().isNull()) {
			SimpleModelCompiler.Compiled compiled = SimpleModelCompiler.compile(key, draft.name().getOrDefault("zh-CN", key),
					draft.model(), configs);
			problems.addAll(compiled.problems());
			source = compiled.bpmnXml();
		}
		else if (draft.bpmnXml() != null && !draft.bpmnXml().isBlank()) {
			source = draft.bpmnXml();
		}
		else {
			throw PlatformException.invalid(List.of(new FieldProblem("model", "workflow.model.empty")));
		}
		if (draft.formKey() != null) {
			if (draft.formVersion() == null) {
				problems.add(new FieldProblem("formVersion", "workflow.process.form-version"));
			}
			else {
				Forms available = forms.getIfAvailable();
				if (available != null) {
					available.version(draft.formKey(), draft.formVersion());
				}
			}
		}
		if (!problems.isEmpty()) {
			throw invalidModel(problems);
		}
		ModelOutline outline = engine.prepare(source);
		outline.problems().forEach(p -> problems.add(new FieldProblem(p.nodeId() == null ? "model" : p.nodeId(),
				"workflow.model." + p.code(), p.message())));
		ObjectNode nodes = json.createObjectNode();
		for (ModelOutline.Node node : outline.nodes()) {
			JsonNode config = configs.parse(node.id(), node.config(), problems);
			configs.check(node.id(), node.type(), config, problems);
			ObjectNode entry = nodes.putObject(node.id());
			entry.put("type", node.type());
			entry.put("name", node.name());
			entry.set("config", config);
		}
		// The applicant's field permissions live on the simple model's start node, which is no task.
		JsonNode root = draft.model() == null ? null : draft.model().path("root");
		if (root != null && !root.isMissingNode() && !nodes.has("start")) {
			ObjectNode entry = nodes.putObject("start");
			entry.put("type", "START");
			entry.set("config", root.path("config").isObject() ? root.path("config") : json.createObjectNode());
		}
		outline.conditions().forEach((flow, expression) -> {
			configs.checkCondition(flow, expression, problems);
			ObjectNode entry = nodes.putObject(flow);
			entry.put("type", "CONDITION");
			entry.putObject("config").put("condition", expression);
		});
		if (problems.isEmpty() && outline.nodes().stream().noneMatch(n -> !"CC".equals(n.type()))) {
			problems.add(new FieldProblem("model", "workflow.model.no-task"));
		}
		if (!problems.isEmpty()) {
			throw invalidModel(problems);
		}
		int version = view.latestVersion() + 1;
		String definitionId = engine.deploy(key, version, outline.bpmnXml());
		jdbc.sql("""
				insert into workflow_process_version (process_key, version, name, admins, applicants, form_key, form_version,
				  model, source_bpmn, bpmn_xml, nodes, engine_definition_id, published_by)
				select key, :version, name, admins, applicants, form_key, form_version, draft_model, draft_bpmn, :xml,
				  cast(:nodes as jsonb), :definition, :publisher
				from workflow_process where key = :key""")
			.param("version", version).param("xml", outline.bpmnXml()).param("nodes", nodes.toString())
			.param("definition", definitionId).param("publisher", publisher).param("key", key).update();
		jdbc.sql("update workflow_process set latest_version = :v, updated_at = now() where key = :key")
			.param("v", version).param("key", key).update();
		audit.record("workflow.process.publish", "process:" + key, Map.of("version", version));
		return versions.find(key, version).orElseThrow();
	}

	private static PlatformException invalidModel(List<FieldProblem> problems) {
		return new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "workflow.model-invalid", problems);
	}

	private void checkDraft(ProcessDraft draft) {
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.name().getOrDefault("zh-CN", "").isBlank()) {
			problems.add(new FieldProblem("name", "workflow.process.name"));
		}
		if (draft.model() != null && !draft.model().isNull() && draft.bpmnXml() != null) {
			problems.add(new FieldProblem("bpmnXml", "workflow.process.one-source"));
		}
		if (draft.applicants() != null && !draft.applicants().isNull() && !draft.applicants().isObject()) {
			problems.add(new FieldProblem("applicants", "workflow.process.applicants"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private Map<String, Object> params(String key, ProcessDraft draft) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("key", key);
		params.put("name", json.writeValueAsString(draft.name()));
		params.put("owner", draft.ownerOrgUnitId());
		params.put("admins", json.writeValueAsString(draft.admins() == null ? List.of() : draft.admins()));
		params.put("applicants", draft.applicants() == null || draft.applicants().isNull() ? "{}" : draft.applicants().toString());
		params.put("formKey", draft.formKey());
		params.put("formVersion", draft.formVersion());
		params.put("model", draft.model() == null || draft.model().isNull() ? null : draft.model().toString());
		params.put("bpmn", draft.bpmnXml());
		return params;
	}

	private Map<String, String> names(String text) {
		Map<String, String> names = new LinkedHashMap<>();
		json.readTree(text).properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
		return names;
	}

	private List<UUID> uuids(String text) {
		List<UUID> ids = new ArrayList<>();
		json.readTree(text).forEach(v -> ids.add(UUID.fromString(v.asString())));
		return ids;
	}
}
