package org.onecampus.workflow.internal.engine;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the few fields of an {@code onecampus:config} the engine wiring needs. */
final class NodeConfigs {

	private static final JsonMapper json = JsonMapper.builder().build();

	private NodeConfigs() {
	}

	static String text(String config, String field, String fallback) {
		JsonNode value = read(config).path(field);
		return value.isString() ? value.asString() : fallback;
	}

	static double number(String config, String field, double fallback) {
		JsonNode value = read(config).path(field);
		return value.isNumber() ? value.asDouble() : fallback;
	}

	private static JsonNode read(String config) {
		if (config == null || config.isBlank()) {
			return json.createObjectNode();
		}
		try {
			return json.readTree(config);
		}
		catch (RuntimeException ex) {
			return json.createObjectNode();
		}
	}
}
