package org.onecampus.workflow.internal.processes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.onecampus.kernel.error.PlatformException.FieldProblem;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compiles the simple designer's model (a chain of approver, handler and CC nodes with condition and
 * parallel branches) to BPMN 2.0 XML in the same shape the BPMN designer produces: user tasks and CC
 * service tasks carrying {@code onecampus:config}, exclusive gateways whose outgoing flows carry
 * {@code onecampus:condition}, and parallel gateways. Branches join at a gateway of the same kind.
 * Problems are reported per node id.
 */
final class SimpleModelCompiler {

	private final StringBuilder elements = new StringBuilder();

	private final StringBuilder flows = new StringBuilder();

	private final List<FieldProblem> problems = new ArrayList<>();

	private final Set<String> ids = new HashSet<>();

	private final NodeConfigValidator configs;

	private int flowCounter;

	private SimpleModelCompiler(NodeConfigValidator configs) {
		this.configs = configs;
	}

	/** The result: XML (null when there are problems) and the problems per node. */
	record Compiled(String bpmnXml, List<FieldProblem> problems) {
	}

	static Compiled compile(String processKey, String processName, JsonNode model, NodeConfigValidator configs) {
		SimpleModelCompiler compiler = new SimpleModelCompiler(configs);
		JsonNode root = model == null ? null : model.get("root");
		if (root == null || !"START".equals(root.path("type").asString(""))) {
			compiler.problems.add(new FieldProblem("model.root", "workflow.model.start-missing"));
			return new Compiled(null, compiler.problems);
		}
		String startId = compiler.id(root);
		compiler.elements.append("<startEvent id=\"").append(startId).append("\"")
			.append(compiler.configAttribute(root)).append("/>\n");
		String last = compiler.chain(root.get("next"), startId, null, null);
		compiler.elements.append("<endEvent id=\"end\"/>\n");
		compiler.flow(last, "end", null, null);
		if (!compiler.problems.isEmpty()) {
			return new Compiled(null, compiler.problems);
		}
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:onecampus="%s"
				    targetNamespace="https://onecampus.org/processes">
				<process id="%s" name="%s" isExecutable="true">
				%s%s</process>
				</definitions>
				""".formatted(NodeConfigValidator.NAMESPACE, processKey, escape(processName), compiler.elements,
				compiler.flows);
		return new Compiled(xml, compiler.problems);
	}

	/**
	 * Compiles the chain starting at {@code node}, entered from {@code from}.
	 * @return the id of the last element of the chain
	 */
	private String chain(JsonNode node, String from, String firstFlowId, String firstCondition) {
		String previous = from;
		String flowId = firstFlowId;
		String condition = firstCondition;
		JsonNode current = node;
		while (current != null && !current.isNull()) {
			String id = id(current);
			String type = current.path("type").asString("");
			switch (type) {
				case "APPROVER", "HANDLER" -> {
					configs.check(id, type, current.path("config"), problems);
					elements.append("<userTask id=\"").append(id).append("\" name=\"").append(escape(name(current)))
						.append("\" onecampus:type=\"").append(type).append("\"").append(configAttribute(current))
						.append("/>\n");
					flow(previous, id, flowId, condition);
					previous = id;
				}
				case "CC" -> {
					configs.check(id, type, current.path("config"), problems);
					elements.append("<serviceTask id=\"").append(id).append("\" name=\"").append(escape(name(current)))
						.append("\" onecampus:type=\"CC\"").append(configAttribute(current)).append("/>\n");
					flow(previous, id, flowId, condition);
					previous = id;
				}
				case "CONDITION", "PARALLEL" -> previous = branches(current, id, type, previous, flowId, condition);
				default -> problems.add(new FieldProblem(id, "workflow.model.node-type", type));
			}
			flowId = null;
			condition = null;
			current = current.get("next");
		}
		return previous;
	}

	private String branches(JsonNode node, String id, String type, String previous, String flowId, String condition) {
		boolean exclusive = "CONDITION".equals(type);
		String tag = exclusive ? "exclusiveGateway" : "parallelGateway";
		String join = id + "_join";
		JsonNode branches = node.path("branches");
		if (!branches.isArray() || branches.size() < 2) {
			problems.add(new FieldProblem(id, "workflow.model.branches"));
			return previous;
		}
		String defaultFlow = null;
		int unconditioned = 0;
		for (JsonNode branch : branches) {
			String branchId = id(branch);
			String expression = exclusive ? branch.path("condition").asString(null) : null;
			if (exclusive && (expression == null || expression.isBlank())) {
				unconditioned++;
				defaultFlow = branchId;
				expression = null;
			}
			else if (exclusive) {
				configs.checkCondition(branchId, expression, problems);
			}
			String last = chain(branch.get("next"), id, branchId, expression);
			if (last.equals(id)) {
				flow(id, join, branchId, expression);
			}
			else {
				flow(last, join, null, null);
			}
		}
		if (exclusive && unconditioned > 1) {
			problems.add(new FieldProblem(id, "workflow.model.default-branches"));
		}
		elements.append('<').append(tag).append(" id=\"").append(id).append("\" name=\"").append(escape(name(node)))
			.append('"');
		if (exclusive && defaultFlow != null) {
			elements.append(" default=\"").append(defaultFlow).append('"');
		}
		elements.append("/>\n<").append(tag).append(" id=\"").append(join).append("\"/>\n");
		flow(previous, id, flowId, condition);
		return join;
	}

	private void flow(String from, String to, String id, String condition) {
		String flowId = id == null ? "flow_" + (++flowCounter) : id;
		flows.append("<sequenceFlow id=\"").append(flowId).append("\" sourceRef=\"").append(from)
			.append("\" targetRef=\"").append(to).append('"');
		if (condition != null) {
			flows.append(" onecampus:condition=\"").append(escape(condition)).append('"');
		}
		flows.append("/>\n");
	}

	private String id(JsonNode node) {
		String id = node.path("id").asString("");
		if (!NodeConfigValidator.SAFE_ID.matcher(id).matches() || id.endsWith("_join") || id.startsWith("flow_")
				|| "end".equals(id)) {
			problems.add(new FieldProblem(id.isEmpty() ? "model" : id, "workflow.model.node-id"));
		}
		else if (!ids.add(id)) {
			problems.add(new FieldProblem(id, "workflow.model.node-id-duplicate"));
		}
		return id;
	}

	private static String name(JsonNode node) {
		JsonNode name = node.path("name");
		return name.isObject() ? name.path("zh-CN").asString(name.path("en-US").asString("")) : name.asString("");
	}

	/** The node's config with its localized name, as the {@code onecampus:config} attribute. */
	private String configAttribute(JsonNode node) {
		JsonNode config = node.path("config");
		ObjectNode copy = config.isObject() ? ((ObjectNode) config).deepCopy() : NodeConfigValidator.json.createObjectNode();
		if (node.path("name").isObject()) {
			copy.set("name", node.get("name"));
		}
		return " onecampus:config=\"" + escape(copy.toString()) + "\"";
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
