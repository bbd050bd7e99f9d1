package org.onecampus.workflow.internal.processes;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.onecampus.identity.OrgChart;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.internal.conditions.ConditionEvaluator;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a node's {@code onecampus:config} (see the workflow contract's NODE_CONFIG), whichever
 * designer wrote it, and the syntax of branch conditions. Problems name the node.
 */
@Component
public class NodeConfigValidator {

	public static final String NAMESPACE = "https://onecampus.org/schema/bpmn";

	static final Pattern SAFE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

	static final JsonMapper json = JsonMapper.builder().build();

	private static final Set<String> RULES = Set.of("PERSONS", "ROLE", "POSITION", "LEVELS_UP", "FORM_FIELD",
			"ORG_FIELD", "APPLICANT_CHOOSES", "PREVIOUS_CHOOSES");

	private static final Set<String> MULTI = Set.of("ALL", "ANY", "RATIO", "SEQUENTIAL");

	private static final Set<String> EMPTY = Set.of("AUTO_APPROVE", "REJECT", "PROCESS_ADMIN");

	private static final Set<String> SELF = Set.of("SKIP", "SELF_APPROVE", "SUPERIOR");

	private static final Set<String> REPEAT = Set.of("ONCE", "EACH");

	private static final Set<String> ACCESS = Set.of("EDITABLE", "READONLY", "HIDDEN");

	private final ConditionEvaluator conditions;

	NodeConfigValidator(ConditionEvaluator conditions) {
		this.conditions = conditions;
	}

	/** Parses a config attribute; a missing or unreadable one is reported and read as empty. */
	JsonNode parse(String nodeId, String config, List<FieldProblem> problems) {
		if (config == null || config.isBlank()) {
			problems.add(new FieldProblem(nodeId, "workflow.model.config-missing"));
			return json.createObjectNode();
		}
		try {
			return json.readTree(config);
		}
		catch (RuntimeException ex) {
			problems.add(new FieldProblem(nodeId, "workflow.model.config-unreadable"));
			return json.createObjectNode();
		}
	}

	void check(String nodeId, String type, JsonNode config, List<FieldProblem> problems) {
		if (!config.isObject()) {
			problems.add(new FieldProblem(nodeId, "workflow.model.config-missing"));
			return;
		}
		JsonNode assignee = config.path("assignee");
		String rule = assignee.path("rule").asString("");
		if (!RULES.contains(rule)) {
			problems.add(new FieldProblem(nodeId, "workflow.model.rule", rule));
		}
		else {
			checkRule(nodeId, rule, assignee, problems);
		}
		if ("CC".equals(type)) {
			return;
		}
		oneOf(nodeId, config, "multi", MULTI, problems);
		oneOf(nodeId, config, "emptyPolicy", EMPTY, problems);
		oneOf(nodeId, config, "selfPolicy", SELF, problems);
		oneOf(nodeId, config, "repeatPolicy", REPEAT, problems);
		org.onecampus.workflow.internal.calendar.TimerConfigs.check(nodeId, config.get("timer"), problems);
		if ("RATIO".equals(config.path("multi").asString(""))) {
			double ratio = config.path("ratio").asDouble(0);
			if (!(ratio > 0 && ratio <= 1)) {
				problems.add(new FieldProblem(nodeId, "workflow.model.ratio"));
			}
		}
		config.path("fieldPermissions").properties().forEach(entry -> {
			if (!ACCESS.contains(entry.getValue().asString(""))) {
				problems.add(new FieldProblem(nodeId, "workflow.model.field-access", entry.getKey()));
			}
		});
	}

	void checkCondition(String flowId, String expression, List<FieldProblem> problems) {
		String error = conditions.syntaxError(expression);
		if (error != null) {
			problems.add(new FieldProblem(flowId, "workflow.model.condition", error));
		}
	}

	private static void checkRule(String nodeId, String rule, JsonNode assignee, List<FieldProblem> problems) {
		boolean ok = switch (rule) {
			case "PERSONS" -> assignee.path("persons").isArray() && !assignee.path("persons").isEmpty()
					&& assignee.path("persons").valueStream().allMatch(NodeConfigValidator::isUuid);
			case "ROLE" -> !assignee.path("role").asString("").isBlank();
			case "POSITION" -> isPosition(assignee.path("position").asString(""));
			case "LEVELS_UP" -> assignee.path("levels").asInt(0) >= 1;
			case "FORM_FIELD" -> !assignee.path("field").asString("").isBlank()
					&& (assignee.path("position").asString("").isBlank() || isPosition(assignee.path("position").asString("")));
			case "ORG_FIELD" -> !assignee.path("field").asString("").isBlank()
					&& OrgChart.POSITION_KINDS.contains(assignee.path("kind").asString(""));
			default -> true;
		};
		if (!ok) {
			problems.add(new FieldProblem(nodeId, "workflow.model.rule-" + rule.toLowerCase().replace('_', '-')));
		}
	}

	private static boolean isPosition(String text) {
		try {
			OrgChart.ApproverRule.parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isUuid(JsonNode node) {
		try {
			UUID.fromString(node.asString(""));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void oneOf(String nodeId, JsonNode config, String field, Set<String> allowed,
			List<FieldProblem> problems) {
		JsonNode value = config.get(field);
		if (value != null && !value.isNull() && !allowed.contains(value.asString(""))) {
			problems.add(new FieldProblem(nodeId, "workflow.model." + field, value.asString("")));
		}
	}
}
