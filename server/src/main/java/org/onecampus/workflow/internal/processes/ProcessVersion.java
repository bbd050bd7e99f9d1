package org.onecampus.workflow.internal.processes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A published process version as the runtime needs it.
 * @param formKey null when the process has no form
 * @param nodes node id → {@code {type, name, config}} of user tasks and CC steps
 * @param applicants {@code {affiliationTypes, roles, orgUnits}}; all empty means everyone
 */
public record ProcessVersion(String processKey, int version, Map<String, String> name, List<UUID> admins,
		JsonNode applicants, String formKey, Integer formVersion, String engineDefinitionId, JsonNode nodes,
		String bpmnXml, JsonNode model, Instant publishedAt) {

	/** The node's config; an empty object for unknown nodes. */
	public JsonNode config(String nodeId) {
		return nodes.path(nodeId).path("config");
	}

	/** Localized node name; falls back to the BPMN name for both languages. */
	public Map<String, String> nodeName(String nodeId) {
		JsonNode node = nodes.path(nodeId);
		JsonNode localized = node.path("config").path("name");
		String plain = node.path("name").asString(nodeId);
		return Map.of("zh-CN", localized.path("zh-CN").asString(plain), "en-US",
				localized.path("en-US").asString(localized.path("zh-CN").asString(plain)));
	}

	public String nodeType(String nodeId) {
		return nodes.path(nodeId).path("type").asString("APPROVER");
	}
}
