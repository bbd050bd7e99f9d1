package org.onecampus.workflow.internal.forms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.FormExpressions;
import org.onecampus.workflow.internal.forms.FormLayout.Field;
import tools.jackson.databind.JsonNode;

/**
 * Checks a form definition before it is saved: the schema is a JSON Schema 2020-12 object schema, every layout
 * field maps to a schema property and back, each widget fits its property's type, expressions parse and read only
 * known fields, option lists are not empty and match the enum, table columns are valid, and every min ≤ max.
 * Problems are reported per path ({@code layout.fields[2].visibleWhen}).
 */
final class DefinitionCheck {

	private static final String KEY = "[a-zA-Z_][a-zA-Z0-9_]{0,63}";

	private final List<FieldProblem> problems = new ArrayList<>();

	private DefinitionCheck() {
	}

	/** @return the problems of the definition; empty when it may be saved */
	static List<FieldProblem> check(JsonNode schema, JsonNode layout) {
		DefinitionCheck check = new DefinitionCheck();
		check.run(schema, layout);
		return List.copyOf(check.problems);
	}

	private void run(JsonNode schema, JsonNode layout) {
		if (schema == null || !schema.isObject() || !"object".equals(FormLayout.text(schema.get("type")))
				|| !schema.path("properties").isObject()) {
			problem("schema", "workflow.form.definition.schema-object");
			return;
		}
		SchemaSupport.metaSchemaProblems(schema).forEach(p -> problem(p.field(), p.messageCode(), p.args()));
		if (layout == null || !layout.isObject() || !layout.path("fields").isArray()) {
			problem("layout", "workflow.form.definition.layout-fields");
			return;
		}
		JsonNode properties = schema.get("properties");
		FormLayout form = FormLayout.of(layout);
		Set<String> keys = new LinkedHashSet<>();
		for (Field f : form.fields()) {
			if (f.key() != null && f.hasData()) {
				keys.add(f.key());
			}
		}
		checkFields(form.fields(), properties, "layout.fields", "schema.properties", keys, false);
		for (String property : properties.propertyNames()) {
			if (!keys.contains(property)) {
				problem("schema.properties." + property, "workflow.form.definition.property-not-in-layout", property);
			}
		}
		for (JsonNode required : schema.path("required")) {
			if (!properties.has(required.asString())) {
				problem("schema.required", "workflow.form.definition.required-unknown", required.asString());
			}
		}
	}

	private void checkFields(List<Field> fields, JsonNode properties, String base, String schemaBase, Set<String> known,
			boolean inTable) {
		Set<String> seen = new HashSet<>();
		for (Field f : fields) {
			String path = base + "[" + f.index() + "]";
			if (f.widget() == null || !FormLayout.WIDGETS.contains(f.widget())
					|| (inTable && (f.widget().equals("table") || f.widget().equals("description")))) {
				problem(path + ".widget", "workflow.form.definition.widget-unknown", String.valueOf(f.widget()));
				continue;
			}
			if (f.key() == null || !f.key().matches(KEY)) {
				problem(path + ".key", "workflow.form.definition.field-key", String.valueOf(f.key()));
				continue;
			}
			if (!seen.add(f.key())) {
				problem(path + ".key", "workflow.form.definition.duplicate-key", f.key());
			}
			JsonNode label = f.label();
			if (label == null || FormLayout.text(label.get("zh-CN")) == null || label.get("zh-CN").asString().isBlank()) {
				problem(path + ".label", "workflow.form.definition.label");
			}
			checkExpressions(f, path, known, inTable);
			if (!f.hasData()) {
				continue;
			}
			JsonNode property = properties.get(f.key());
			if (property == null) {
				problem(path + ".key", "workflow.form.definition.field-not-in-schema", f.key());
				continue;
			}
			String expected = WidgetTypes.mismatch(f.widget(), property, f.codeSet() != null && !f.codeSet().isBlank());
			if (expected != null) {
				problem(path + ".widget", "workflow.form.definition.widget-type", f.widget(), expected);
			}
			checkOptions(f, property, path);
			checkRanges(property, schemaBase + "." + f.key());
			if (f.minRows() != null && f.maxRows() != null && f.minRows() > f.maxRows()) {
				problem(path + ".minRows", "workflow.form.definition.range", "minRows", "maxRows");
			}
			if (f.maxSizeMb() != null && f.maxSizeMb() < 1) {
				problem(path + ".file.maxSizeMb", "workflow.form.definition.positive", "maxSizeMb");
			}
			if (f.maxFiles() != null && f.maxFiles() < 1) {
				problem(path + ".file.maxFiles", "workflow.form.definition.positive", "maxFiles");
			}
			if (f.widget().equals("computed") && (f.compute() == null || f.compute().isBlank())) {
				problem(path + ".compute", "workflow.form.definition.compute-missing");
			}
			if (f.widget().equals("table")) {
				checkTable(f, property, path, known);
			}
		}
	}

	private void checkTable(Field table, JsonNode property, String path, Set<String> known) {
		JsonNode itemProperties = property.path("items").path("properties");
		if (table.columns() == null || table.columns().isEmpty() || !itemProperties.isObject()) {
			problem(path + ".columns", "workflow.form.definition.columns");
			return;
		}
		checkFields(table.columns(), itemProperties, path + ".columns",
				"schema.properties." + table.key() + ".items.properties", known, true);
		Set<String> columnKeys = new HashSet<>();
		table.columns().forEach(c -> columnKeys.add(c.key()));
		for (String itemProperty : itemProperties.propertyNames()) {
			if (!columnKeys.contains(itemProperty)) {
				problem("schema.properties." + table.key() + ".items.properties." + itemProperty,
						"workflow.form.definition.property-not-in-layout", itemProperty);
			}
		}
	}

	private void checkExpressions(Field f, String path, Set<String> known, boolean inTable) {
		expression(f.visibleWhen(), path + ".visibleWhen", known, inTable);
		expression(f.requiredWhen(), path + ".requiredWhen", known, inTable);
		expression(f.compute(), path + ".compute", known, inTable);
	}

	private void expression(String source, String path, Set<String> known, boolean inTable) {
		if (source == null) {
			return;
		}
		try {
			for (String reference : FormExpressions.parse(source).references()) {
				String root = reference.split("\\.")[0];
				boolean ok = known.contains(root) || root.equals("applicant") || (inTable && root.equals("row"));
				if (!ok) {
					problem(path, "workflow.form.definition.expression-reference", reference);
				}
			}
		}
		catch (FormExpressions.SyntaxException ex) {
			problem(path, "workflow.form.definition.expression", ex.position() + 1, ex.getMessage());
		}
	}

	/** Problems for fields (and table columns) that name a code set that does not exist. */
	static List<FieldProblem> unknownCodeSets(JsonNode layout, Predicate<String> exists) {
		List<FieldProblem> unknown = new ArrayList<>();
		if (layout == null || !layout.path("fields").isArray()) {
			return unknown;
		}
		for (Field f : FormLayout.of(layout).fields()) {
			String path = "layout.fields[" + f.index() + "]";
			if (f.codeSet() != null && !exists.test(f.codeSet())) {
				unknown.add(new FieldProblem(path + ".codeSet", "workflow.form.definition.code-set-unknown", f.codeSet()));
			}
			for (Field c : f.columns() == null ? List.<Field>of() : f.columns()) {
				if (c.codeSet() != null && !exists.test(c.codeSet())) {
					unknown.add(new FieldProblem(path + ".columns[" + c.index() + "].codeSet",
							"workflow.form.definition.code-set-unknown", c.codeSet()));
				}
			}
		}
		return unknown;
	}

	private void checkOptions(Field f, JsonNode property, String path) {
		boolean choice = f.widget().equals("select") || f.widget().equals("radio") || f.widget().equals("checkbox");
		if (!choice) {
			return;
		}
		if (f.codeSet() != null && !f.codeSet().isBlank()) {
			return;
		}
		if (f.optionValues() == null || f.optionValues().isEmpty()) {
			problem(path + ".options", "workflow.form.definition.options-empty");
			return;
		}
		JsonNode enumNode = f.widget().equals("checkbox") ? property.path("items").get("enum") : property.get("enum");
		Set<String> enumValues = new HashSet<>();
		if (enumNode != null) {
			enumNode.values().forEach(v -> enumValues.add(v.asString()));
		}
		if (!enumValues.equals(new HashSet<>(f.optionValues()))) {
			problem(path + ".options", "workflow.form.definition.options-enum");
		}
	}

	private void checkRanges(JsonNode property, String path) {
		range(property, path, "minLength", "maxLength");
		range(property, path, "minimum", "maximum");
		range(property, path, "minItems", "maxItems");
		range(property, path, "exclusiveMinimum", "exclusiveMaximum");
	}

	private void range(JsonNode property, String path, String min, String max) {
		JsonNode a = property.get(min);
		JsonNode b = property.get(max);
		if (a != null && b != null && a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) > 0) {
			problem(path + "." + min, "workflow.form.definition.range", min, max);
		}
	}

	private void problem(String field, String code, Object... args) {
		problems.add(new FieldProblem(field, code, args));
	}
}
