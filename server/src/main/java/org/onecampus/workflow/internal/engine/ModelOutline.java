package org.onecampus.workflow.internal.engine;

import java.util.List;
import java.util.Map;

/**
 * A deployable model after preparation: the BPMN the engine runs, its nodes and the problems found.
 * @param bpmnXml the prepared BPMN 2.0 XML; null when the model has errors
 * @param nodes user tasks and CC steps with their {@code onecampus:config}
 * @param conditions {@code onecampus:condition} of each flow out of an exclusive gateway, by flow id
 * @param problems errors per node; empty when the model can be deployed
 */
public record ModelOutline(String bpmnXml, List<Node> nodes, Map<String, String> conditions, List<Problem> problems) {

	/**
	 * @param type APPROVER, HANDLER or CC
	 * @param name the node's name, may be null
	 * @param config JSON text, null when missing
	 */
	public record Node(String id, String type, String name, String config) {
	}

	/** @param nodeId the node or flow concerned; null for the whole model */
	public record Problem(String nodeId, String code, String message) {
	}
}
