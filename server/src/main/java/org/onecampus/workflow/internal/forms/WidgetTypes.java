package org.onecampus.workflow.internal.forms;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

/** Which JSON Schema shape each widget needs (the contract's table of widgets and schema types). */
final class WidgetTypes {

	private WidgetTypes() {
	}

	/** @return null when the property fits the widget, else a short description of what is expected */
	static String mismatch(String widget, JsonNode p) {
		return mismatch(widget, p, false);
	}

	/** @param codeSet whether the field takes its options from a code set (its schema then has no enum) */
	static String mismatch(String widget, JsonNode p, boolean codeSet) {
		String type = FormLayout.text(p.get("type"));
		String format = FormLayout.text(p.get("format"));
		JsonNode items = p.path("items");
		return switch (widget) {
			case "text", "textarea", "richtext" -> "string".equals(type) ? null : "string";
			case "number" -> "number".equals(type) || "integer".equals(type) ? null : "number";
			case "money" -> "number".equals(type) && p.has("multipleOf")
					&& p.get("multipleOf").decimalValue().compareTo(new BigDecimal("0.01")) == 0 ? null
							: "number, multipleOf 0.01";
			case "date" -> "string".equals(type) && "date".equals(format) ? null : "string, format date";
			case "datetime" -> "string".equals(type) && "date-time".equals(format) ? null : "string, format date-time";
			case "daterange" -> "array".equals(type) && "string".equals(FormLayout.text(items.get("type")))
					&& "date".equals(FormLayout.text(items.get("format"))) && p.path("minItems").asInt(-1) == 2
					&& p.path("maxItems").asInt(-1) == 2 ? null : "array of 2 strings, format date";
			case "select", "radio" -> "string".equals(type) && (codeSet || p.path("enum").isArray()) ? null
					: "string with enum";
			case "checkbox" -> "array".equals(type) && (codeSet || items.path("enum").isArray())
					&& p.path("uniqueItems").asBoolean(false) ? null : "array of enum strings, uniqueItems";
			case "person", "org" -> "string".equals(type) && "uuid".equals(format) ? null : "string, format uuid";
			case "file", "image" -> "array".equals(type) && "object".equals(FormLayout.text(items.get("type"))) ? null
					: "array of file objects";
			case "signature" -> "object".equals(type) ? null : "file object";
			case "table" -> "array".equals(type) && "object".equals(FormLayout.text(items.get("type"))) ? null
					: "array of objects";
			case "computed" -> "number".equals(type) || "integer".equals(type) || "string".equals(type) ? null
					: "number or string";
			default -> null;
		};
	}
}
