package org.onecampus.workflow.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The layout document read into records: fields in display order, each with its widget, localized label,
 * rules (visibleWhen, requiredWhen, compute), prefill binding, file limits and, for a table, its columns.
 * Reading is lenient (a definition is checked by {@link DefinitionCheck} before it is stored).
 */
record FormLayout(List<Field> fields) {

	static final Set<String> WIDGETS = Set.of("text", "textarea", "number", "money", "date", "datetime", "daterange",
			"select", "radio", "checkbox", "person", "org", "file", "image", "signature", "richtext", "table",
			"computed", "description");

	/** Widgets whose value is one or more uploaded files. */
	static final Set<String> FILE_WIDGETS = Set.of("file", "image", "signature");

	static FormLayout of(JsonNode layout) {
		List<Field> fields = new ArrayList<>();
		JsonNode array = layout == null ? null : layout.get("fields");
		if (array != null && array.isArray()) {
			int i = 0;
			for (JsonNode node : array) {
				fields.add(Field.of(node, i++));
			}
		}
		return new FormLayout(List.copyOf(fields));
	}

	Field field(String key) {
		return fields.stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
	}

	/**
	 * @param index position in the layout's fields (or columns)
	 * @param label the {@code label} map, may be null
	 * @param prefillSource {@code namespace.name} or null
	 * @param maxSizeMb file limit per file, null when not set
	 */
	record Field(int index, String key, String widget, JsonNode label, List<String> optionValues, String codeSet,
			String visibleWhen, String requiredWhen, String compute, String prefillSource, boolean prefillLocked,
			List<Field> columns, Integer minRows, Integer maxRows, List<String> accept, Integer maxSizeMb,
			Integer maxFiles, JsonNode raw) {

		static Field of(JsonNode node, int index) {
			List<String> options = null;
			JsonNode opts = node.get("options");
			if (opts != null && opts.isArray()) {
				options = new ArrayList<>();
				for (JsonNode o : opts) {
					options.add(text(o.get("value")));
				}
			}
			List<Field> columns = null;
			JsonNode cols = node.get("columns");
			if (cols != null && cols.isArray()) {
				columns = new ArrayList<>();
				int i = 0;
				for (JsonNode c : cols) {
					columns.add(of(c, i++));
				}
			}
			JsonNode prefill = node.get("prefill");
			JsonNode file = node.get("file");
			List<String> accept = null;
			if (file != null && file.get("accept") != null && file.get("accept").isArray()) {
				accept = new ArrayList<>();
				for (JsonNode a : file.get("accept")) {
					accept.add(text(a));
				}
			}
			return new Field(index, text(node.get("key")), text(node.get("widget")), node.get("label"), options,
					text(node.get("codeSet")), text(node.get("visibleWhen")), text(node.get("requiredWhen")),
					text(node.get("compute")), prefill == null ? null : text(prefill.get("source")),
					prefill != null && prefill.path("locked").asBoolean(false), columns, integer(node.get("minRows")),
					integer(node.get("maxRows")), accept, file == null ? null : integer(file.get("maxSizeMb")),
					file == null ? null : integer(file.get("maxFiles")), node);
		}

		boolean hasData() {
			return !"description".equals(widget);
		}

		/** The label in the language asked for, falling back to the other language and then the key. */
		String label(Locale locale) {
			boolean english = locale != null && "en".equals(locale.getLanguage());
			String first = label == null ? null : text(label.get(english ? "en-US" : "zh-CN"));
			String second = label == null ? null : text(label.get(english ? "zh-CN" : "en-US"));
			return first != null && !first.isBlank() ? first : second != null && !second.isBlank() ? second : key;
		}

		Field column(String columnKey) {
			return columns == null ? null
					: columns.stream().filter(c -> columnKey.equals(c.key())).findFirst().orElse(null);
		}
	}

	static String text(JsonNode node) {
		return node != null && node.isString() ? node.stringValue() : null;
	}

	static Integer integer(JsonNode node) {
		return node != null && node.isNumber() ? node.asInt() : null;
	}
}
