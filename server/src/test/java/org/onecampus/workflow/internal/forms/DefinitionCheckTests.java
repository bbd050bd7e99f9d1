package org.onecampus.workflow.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DefinitionCheckTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Map<String, FieldProblem> check(String schema, String layout) {
		Map<String, FieldProblem> out = new LinkedHashMap<>();
		DefinitionCheck.check(JSON.readTree(schema), JSON.readTree(layout)).forEach(p -> out.put(p.field(), p));
		return out;
	}

	@ParameterizedTest
	@ValueSource(strings = { "leave-request", "expense-claim" })
	void theDemoFormsAreValid(String key) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/workflow/demo-forms/" + key + ".json")) {
			JsonNode document = JSON.readTree(in);
			assertThat(DefinitionCheck.check(document.get("schema"), document.get("layout"))).isEmpty();
		}
	}

	@Test
	void anExpressionSyntaxErrorIsReportedWithItsPosition() {
		Map<String, FieldProblem> problems = check("""
				{"type": "object", "properties": {"a": {"type": "number"}, "b": {"type": "number"}}}""", """
				{"fields": [{"key": "a", "widget": "number", "label": {"zh-CN": "甲"}},
				            {"key": "b", "widget": "computed", "label": {"zh-CN": "乙"}, "compute": "a * (2 + "}]}""");
		FieldProblem p = problems.get("layout.fields[1].compute");
		assertThat(p.messageCode()).isEqualTo("workflow.form.definition.expression");
		assertThat(p.args()[0]).isEqualTo(10);
	}

	@Test
	void layoutAndSchemaMustMatchBothWays() {
		Map<String, FieldProblem> problems = check("""
				{"type": "object", "properties": {"a": {"type": "string"}, "lost": {"type": "string"}}, "required": ["ghost"]}""",
				"""
				{"fields": [{"key": "a", "widget": "text", "label": {"zh-CN": "甲"}},
				            {"key": "extra", "widget": "text", "label": {"zh-CN": "多"}},
				            {"key": "a", "widget": "text", "label": {"zh-CN": "重"}}]}""");
		assertThat(problems.get("schema.properties.lost").messageCode())
			.isEqualTo("workflow.form.definition.property-not-in-layout");
		assertThat(problems.get("layout.fields[1].key").messageCode()).isEqualTo("workflow.form.definition.field-not-in-schema");
		assertThat(problems.get("layout.fields[2].key").messageCode()).isEqualTo("workflow.form.definition.duplicate-key");
		assertThat(problems.get("schema.required").messageCode()).isEqualTo("workflow.form.definition.required-unknown");
	}

	@Test
	void widgetsMustFitTheirPropertyTypes() {
		Map<String, FieldProblem> problems = check("""
				{"type": "object", "properties": {
				  "m": {"type": "number"}, "d": {"type": "string"}, "r": {"type": "array", "items": {"type": "string"}},
				  "p": {"type": "string"}, "c": {"type": "array", "items": {"type": "string", "enum": ["x"]}}}}""", """
				{"fields": [{"key": "m", "widget": "money", "label": {"zh-CN": "钱"}},
				            {"key": "d", "widget": "date", "label": {"zh-CN": "日"}},
				            {"key": "r", "widget": "daterange", "label": {"zh-CN": "段"}},
				            {"key": "p", "widget": "person", "label": {"zh-CN": "人"}},
				            {"key": "c", "widget": "checkbox", "label": {"zh-CN": "选"}, "options": [{"value": "x"}]}]}""");
		assertThat(problems).containsKeys("layout.fields[0].widget", "layout.fields[1].widget", "layout.fields[2].widget",
				"layout.fields[3].widget", "layout.fields[4].widget");
	}

	@Test
	void optionsRangesAndTableColumnsAreChecked() {
		Map<String, FieldProblem> problems = check("""
				{"type": "object", "properties": {
				  "s": {"type": "string", "enum": ["a", "b"], "minLength": 5, "maxLength": 2},
				  "t": {"type": "array", "minItems": 5, "maxItems": 1, "items": {"type": "object", "properties": {
				    "x": {"type": "number", "minimum": 3, "maximum": 1}, "y": {"type": "string"}}}}}}""", """
				{"fields": [{"key": "s", "widget": "select", "label": {"zh-CN": "选"}, "options": [{"value": "a"}]},
				            {"key": "t", "widget": "table", "label": {"zh-CN": "表"}, "minRows": 3, "maxRows": 1, "columns": [
				              {"key": "x", "widget": "number", "label": {"zh-CN": "数"}, "visibleWhen": "row.x > nope"},
				              {"key": "z", "widget": "table", "label": {"zh-CN": "套"}}]}]}""");
		assertThat(problems.get("layout.fields[0].options").messageCode()).isEqualTo("workflow.form.definition.options-enum");
		assertThat(problems).containsKeys("schema.properties.s.minLength", "schema.properties.t.minItems",
				"layout.fields[1].minRows", "schema.properties.t.items.properties.x.minimum",
				"layout.fields[1].columns[0].visibleWhen", "layout.fields[1].columns[1].widget",
				"schema.properties.t.items.properties.y");
	}

	@Test
	void anEmptyOptionListIsRefusedUnlessACodeSetIsNamed() {
		String schema = """
				{"type": "object", "properties": {"s": {"type": "string", "enum": ["a"]}}}""";
		assertThat(check(schema, """
				{"fields": [{"key": "s", "widget": "radio", "label": {"zh-CN": "选"}, "options": []}]}"""))
			.containsKey("layout.fields[0].options");
		assertThat(check(schema, """
				{"fields": [{"key": "s", "widget": "radio", "label": {"zh-CN": "选"}, "codeSet": "gender"}]}""")).isEmpty();
	}

	@Test
	void aSchemaThatIsNotJsonSchemaIsRefused() {
		List<String> fields = List.copyOf(check("""
				{"type": "object", "properties": {"a": {"type": "strange"}}}""", """
				{"fields": [{"key": "a", "widget": "text", "label": {"zh-CN": "甲"}}]}""").keySet());
		assertThat(fields).anyMatch(f -> f.startsWith("schema"));
	}
}
