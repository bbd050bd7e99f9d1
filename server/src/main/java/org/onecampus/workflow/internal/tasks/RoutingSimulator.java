package org.onecampus.workflow.internal.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Audience;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.identity.PersonProfiles.Profile;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.FormExpressions;
import org.onecampus.workflow.internal.conditions.ConditionEvaluator;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing simulator: walks a process model (draft or published version) for sample applicants without
 * starting an instance, resolving each node's approvers with {@link ApproverRules} and flagging empty
 * approver sets, the applicant as approver, the same person at several nodes, nodes on a loop and nodes
 * no path reaches. Branch conditions are evaluated on the given form data; when a condition reads a
 * field the data lacks, every branch is followed and the nodes behind it are marked as depending on data.
 */
@Service
class RoutingSimulator {

	/** Applicant types sampled when the process lets everyone start it. */
	static final List<String> DEFAULT_TYPES = List.of("UNDERGRADUATE", "POSTGRADUATE", "PHD", "FACULTY", "STAFF");

	private final ProcessDefinitions definitions;

	private final ProcessVersions versions;

	private final ApproverRules rules;

	private final ConditionEvaluator conditions;

	private final PersonDirectory directory;

	private final PersonProfiles profiles;

	private final MessageSource messages;

	private final JsonMapper json;

	RoutingSimulator(ProcessDefinitions definitions, ProcessVersions versions, ApproverRules rules,
			ConditionEvaluator conditions, PersonDirectory directory, PersonProfiles profiles, MessageSource messages,
			JsonMapper json) {
		this.definitions = definitions;
		this.versions = versions;
		this.rules = rules;
		this.conditions = conditions;
		this.directory = directory;
		this.profiles = profiles;
		this.messages = messages;
		this.json = json;
	}

	record Person(UUID id, String name, String number, String unit, String affiliationType) {
	}

	record Flag(String code, String message) {
	}

	/**
	 * @param status REACHED, DEPENDS_ON_DATA (behind a branch the data does not decide), NOT_TAKEN (behind a
	 * branch the data rules out) or UNREACHABLE
	 */
	record NodeResult(String nodeId, String type, String name, String status, List<Person> approvers,
			List<Flag> flags) {
	}

	/** @param sampledAs the admitted affiliation type the applicant was picked for; null for given applicants */
	record ApplicantResult(Person applicant, String sampledAs, List<NodeResult> nodes) {
	}

	/** @param flags model-wide findings (loops, unreachable nodes) */
	record Simulation(String processKey, Integer version, List<NodeInfo> nodes, List<Flag> flags,
			List<ApplicantResult> applicants) {
	}

	record NodeInfo(String nodeId, String type, String name, boolean loop, boolean unreachable) {
	}

	Simulation simulate(String key, Integer version, List<UUID> applicantIds, Map<String, Object> formData,
			CampusUser caller) {
		ProcessDefinitions.ProcessView view = definitions.find(key)
			.orElseThrow(() -> PlatformException.notFound("process", key));
		if (!caller.hasPermission("workflow:process:write") && !caller.hasPermission("workflow:process:admin")
				&& !view.draft().admins().contains(caller.personId())) {
			throw PlatformException.notFound("process", key);
		}
		ModelGraph graph;
		Map<String, JsonNode> configs = new HashMap<>();
		JsonNode scope;
		List<UUID> admins;
		if (version == null) {
			graph = ModelGraph.parse(definitions.draftBpmn(key));
			for (ModelGraph.Element e : graph.elements().values()) {
				if (e.node()) {
					configs.put(e.id(), e.config() == null ? json.createObjectNode() : json.readTree(e.config()));
				}
			}
			scope = view.draft().applicants();
			admins = view.draft().admins();
		}
		else {
			ProcessVersion published = versions.find(key, version)
				.orElseThrow(() -> PlatformException.notFound("process-version", key + "/" + version));
			ModelGraph parsed = ModelGraph.parse(published.bpmnXml());
			List<ModelGraph.Flow> flows = parsed.flows().stream()
				.map(f -> new ModelGraph.Flow(f.id(), f.source(), f.target(),
						published.nodes().path(f.id()).path("config").path("condition").asString(null)))
				.toList();
			graph = new ModelGraph(parsed.elements(), flows);
			graph.elements().values().stream().filter(ModelGraph.Element::node)
				.forEach(e -> configs.put(e.id(), published.config(e.id())));
			scope = published.applicants();
			admins = published.admins();
		}
		Set<String> reachable = graph.reachable();
		Set<String> cyclic = graph.onCycles();
		List<NodeInfo> infos = new ArrayList<>();
		List<Flag> modelFlags = new ArrayList<>();
		for (ModelGraph.Element e : graph.elements().values()) {
			if (!e.node()) {
				continue;
			}
			boolean loop = cyclic.contains(e.id());
			boolean unreachable = !reachable.contains(e.id());
			infos.add(new NodeInfo(e.id(), e.type(), name(e, configs.get(e.id())), loop, unreachable));
			if (loop) {
				modelFlags.add(flag("LOOP", e.id(), configs.get(e.id()).path("repeatPolicy").asString("EACH")));
			}
			if (unreachable) {
				modelFlags.add(flag("UNREACHABLE", e.id()));
			}
		}
		Map<UUID, String> applicants = new LinkedHashMap<>();
		if (applicantIds == null || applicantIds.isEmpty()) {
			applicants.putAll(sampleApplicants(scope));
		}
		else {
			applicantIds.forEach(id -> applicants.put(id, null));
		}
		List<ApplicantResult> results = new ArrayList<>();
		applicants.forEach((applicant, sampledAs) -> {
			Profile profile = profiles.profile(applicant)
				.orElseThrow(() -> PlatformException.notFound("person", applicant));
			results.add(new ApplicantResult(person(profile), sampledAs,
					walk(graph, configs, infos, profile, formData, admins)));
		});
		return new Simulation(key, version, infos, modelFlags, results);
	}

	private List<NodeResult> walk(ModelGraph graph, Map<String, JsonNode> configs, List<NodeInfo> infos, Profile applicant,
			Map<String, Object> formData, List<UUID> admins) {
		Map<String, Object> data = formData == null ? Map.of() : formData;
		Map<String, Object> variables = new HashMap<>(data);
		variables.put("applicant", applicantVariables(applicant));
		// element id -> true when reached for sure, false when only behind an undecided branch
		Map<String, Boolean> reached = new LinkedHashMap<>();
		Deque<Map.Entry<String, Boolean>> todo = new ArrayDeque<>();
		graph.starts().forEach(s -> todo.add(Map.entry(s, true)));
		while (!todo.isEmpty()) {
			Map.Entry<String, Boolean> at = todo.poll();
			Boolean before = reached.get(at.getKey());
			if (before != null && (before || !at.getValue())) {
				continue;
			}
			reached.put(at.getKey(), at.getValue());
			ModelGraph.Element element = graph.elements().get(at.getKey());
			List<ModelGraph.Flow> out = graph.outgoing(at.getKey());
			if (element != null && ("EXCLUSIVE".equals(element.kind()) || "INCLUSIVE".equals(element.kind()))
					&& out.size() > 1) {
				branches(element, out, data, variables).forEach((flow, sure) ->
						todo.add(Map.entry(flow.target(), at.getValue() && sure)));
			}
			else {
				out.forEach(f -> todo.add(Map.entry(f.target(), at.getValue())));
			}
		}
		List<NodeResult> nodes = new ArrayList<>();
		Map<UUID, String> seenAt = new HashMap<>();
		for (NodeInfo info : infos) {
			JsonNode config = configs.get(info.nodeId());
			String status = info.unreachable() ? "UNREACHABLE"
					: !reached.containsKey(info.nodeId()) ? "NOT_TAKEN"
					: reached.get(info.nodeId()) ? "REACHED" : "DEPENDS_ON_DATA";
			if (info.unreachable() || "NOT_TAKEN".equals(status)) {
				nodes.add(new NodeResult(info.nodeId(), info.type(), info.name(), status, List.of(),
						info.unreachable() ? List.of(flag("UNREACHABLE", info.nodeId())) : List.of()));
				continue;
			}
			List<Flag> flags = new ArrayList<>();
			JsonNode assignee = config.path("assignee");
			String rule = assignee.path("rule").asString("");
			List<UUID> persons = new ArrayList<>(rules.resolve(applicant.personId(), data, assignee, List::of));
			if (("APPLICANT_CHOOSES".equals(rule) || "PREVIOUS_CHOOSES".equals(rule))) {
				flags.add(flag("CHOSEN_AT_RUNTIME", info.nodeId(), rule));
			}
			else if (("FORM_FIELD".equals(rule) || "ORG_FIELD".equals(rule))
					&& !data.containsKey(assignee.path("field").asString(""))) {
				flags.add(flag("FIELD_MISSING", info.nodeId(), assignee.path("field").asString("")));
			}
			if (!"CC".equals(info.type())) {
				if (persons.contains(applicant.personId())) {
					String policy = config.path("selfPolicy").asString("SKIP");
					rules.applySelfPolicy(applicant.personId(), persons, policy);
					flags.add(flag("SELF", info.nodeId(), policy, names(persons)));
				}
				if (persons.isEmpty() && !flags.stream().anyMatch(f -> "CHOSEN_AT_RUNTIME".equals(f.code()))) {
					String policy = config.path("emptyPolicy").asString("AUTO_APPROVE");
					if ("PROCESS_ADMIN".equals(policy) && admins.isEmpty()) {
						policy = "PROCESS_ADMIN_NONE";
					}
					flags.add(flag("EMPTY", info.nodeId(), policy, names(admins)));
				}
				for (UUID person : persons) {
					String earlier = seenAt.putIfAbsent(person, info.nodeId());
					if (earlier != null && !earlier.equals(info.nodeId())) {
						flags.add(flag("DUPLICATE", info.nodeId(), config.path("repeatPolicy").asString("EACH"),
								names(List.of(person)), earlier));
					}
				}
			}
			else if (persons.isEmpty() && flags.isEmpty()) {
				flags.add(flag("EMPTY", info.nodeId(), "CC"));
			}
			if (info.loop()) {
				flags.add(flag("LOOP", info.nodeId(), config.path("repeatPolicy").asString("EACH")));
			}
			nodes.add(new NodeResult(info.nodeId(), info.type(), info.name(), status, persons(persons), flags));
		}
		return nodes;
	}

	/** @return the flows taken out of a gateway, each with whether the data decided it */
	private Map<ModelGraph.Flow, Boolean> branches(ModelGraph.Element gateway, List<ModelGraph.Flow> out,
			Map<String, Object> data, Map<String, Object> variables) {
		Map<ModelGraph.Flow, Boolean> taken = new LinkedHashMap<>();
		boolean undecided = false;
		for (ModelGraph.Flow flow : out) {
			if (flow.condition() == null || flow.id().equals(gateway.defaultFlow())) {
				continue;
			}
			if (!decidable(flow.condition(), data)) {
				undecided = true;
				taken.put(flow, false);
			}
			else if (conditions.test(flow.condition(), variables)) {
				taken.put(flow, !undecided);
				if (!undecided && "EXCLUSIVE".equals(gateway.kind())) {
					return taken;
				}
			}
		}
		boolean anyTrue = taken.values().stream().anyMatch(Boolean::booleanValue);
		boolean decided = !undecided;
		if (!anyTrue || undecided) {
			out.stream().filter(f -> f.condition() == null || f.id().equals(gateway.defaultFlow()))
				.forEach(f -> taken.put(f, decided));
		}
		return taken;
	}

	/** A condition is decidable when every form field it reads is in the data ({@code applicant.*} always is). */
	private static boolean decidable(String condition, Map<String, Object> data) {
		try {
			return FormExpressions.parse(condition).references().stream()
				.map(ref -> ref.split("\\.", 2)[0])
				.allMatch(root -> "applicant".equals(root) || data.containsKey(root));
		}
		catch (FormExpressions.SyntaxException ex) {
			return true;
		}
	}

	/**
	 * One applicant per affiliation type the process admits (by the admitted type, or by the primary type of the
	 * role holders and unit members it admits), the first by 学号/工号, preferring a college no earlier sample is from.
	 * @return person id → the type it was sampled as, in order
	 */
	Map<UUID, String> sampleApplicants(JsonNode scope) {
		List<String> types = strings(scope == null ? null : scope.path("affiliationTypes"));
		List<String> roles = strings(scope == null ? null : scope.path("roles"));
		List<String> units = strings(scope == null ? null : scope.path("orgUnits"));
		Map<String, List<Profile>> byType = new LinkedHashMap<>();
		for (String type : types.isEmpty() && roles.isEmpty() && units.isEmpty() ? DEFAULT_TYPES : types) {
			byType.put(type, sorted(directory.resolve(new Audience(null, null, false, null, null, List.of(type))).personIds()));
		}
		if (!roles.isEmpty() || !units.isEmpty()) {
			sorted(directory.resolve(new Audience(null, units, true, null, roles, null)).personIds()).stream()
				.filter(p -> p.affiliationType() != null)
				.forEach(p -> byType.computeIfAbsent(p.affiliationType(), t -> new ArrayList<>()).add(p));
		}
		Set<String> colleges = new HashSet<>();
		Map<UUID, String> chosen = new LinkedHashMap<>();
		byType.forEach((type, candidates) -> candidates.stream()
			.filter(p -> !chosen.containsKey(p.personId()))
			.filter(p -> p.college() == null || !colleges.contains(p.college()))
			.findFirst()
			.or(() -> candidates.stream().filter(p -> !chosen.containsKey(p.personId())).findFirst())
			.ifPresent(pick -> {
				if (pick.college() != null) {
					colleges.add(pick.college());
				}
				chosen.put(pick.personId(), type);
			}));
		return chosen;
	}

	private List<Profile> sorted(Set<UUID> ids) {
		return ids.stream().map(profiles::profile).flatMap(java.util.Optional::stream)
			.sorted(Comparator.comparing((Profile p) -> p.number() == null ? "\uffff" : p.number())
				.thenComparing(p -> p.personId().toString()))
			.toList();
	}

	private Map<String, Object> applicantVariables(Profile profile) {
		Map<String, Object> applicant = new HashMap<>();
		applicant.put("id", profile.personId().toString());
		applicant.put("affiliationType", profile.affiliationType());
		applicant.put("unit", profile.unitId() == null ? null : profile.unitId().toString());
		applicant.put("unitName", profile.unit());
		applicant.put("college", profile.college());
		return applicant;
	}

	private List<Person> persons(List<UUID> ids) {
		return ids.stream().map(id -> profiles.profile(id).map(RoutingSimulator::person)
			.orElse(new Person(id, null, null, null, null))).toList();
	}

	private static Person person(Profile p) {
		return new Person(p.personId(), p.name(), p.number(), p.unit(), p.affiliationType());
	}

	private String names(List<UUID> ids) {
		return String.join("、", persons(ids).stream()
			.map(p -> p.name() == null ? p.id().toString() : p.name() + (p.number() == null ? "" : "(" + p.number() + ")"))
			.toList());
	}

	private Flag flag(String code, String nodeId, Object... args) {
		String key = "workflow.simulation." + code.toLowerCase(Locale.ROOT).replace('_', '-')
				+ (args.length > 0 && !"FIELD_MISSING".equals(code) && !"CHOSEN_AT_RUNTIME".equals(code)
						? "." + args[0].toString().toLowerCase(Locale.ROOT).replace('_', '-') : "");
		Object[] all = new Object[args.length + 1];
		all[0] = nodeId;
		System.arraycopy(args, 0, all, 1, args.length);
		return new Flag(code, messages.getMessage(key, all, key, LocaleContextHolder.getLocale()));
	}

	private static String name(ModelGraph.Element e, JsonNode config) {
		JsonNode localized = config == null ? null : config.path("name");
		Locale locale = LocaleContextHolder.getLocale();
		String tag = "en".equals(locale.getLanguage()) ? "en-US" : "zh-CN";
		if (localized != null && localized.has(tag)) {
			return localized.path(tag).asString();
		}
		return Objects.requireNonNullElse(e.name(), e.id());
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		if (array != null) {
			array.forEach(v -> values.add(v.asString()));
		}
		return values;
	}
}
