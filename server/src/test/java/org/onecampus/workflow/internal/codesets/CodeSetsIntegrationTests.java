package org.onecampus.workflow.internal.codesets;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Code sets over HTTP: every member reads them, form designers edit them (audited); forms bind select and checkbox
 * fields to them; a submission is checked against the set's enabled items (422 per field otherwise); a definition
 * naming an unknown set is refused.
 */
@IntegrationTest
class CodeSetsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static String key(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String codeSet(String key, String items) {
		return """
				{"key": "%s", "name": {"zh-CN": "宿舍楼", "en-US": "Dormitory"}, "items": [%s]}""".formatted(key, items);
	}

	static String item(String value, String zh, int sort, boolean enabled) {
		return """
				{"value": "%s", "label": {"zh-CN": "%s", "en-US": "%s"}, "sort": %d, "enabled": %b}"""
			.formatted(value, zh, value, sort, enabled);
	}

	/** A form with a select bound to the demo set 校区 and a checkbox bound to {@code set}. */
	static String form(String key, String set) {
		return """
				{"key": "%s", "name": {"zh-CN": "住宿登记", "en-US": "Housing"},
				 "schema": {"type": "object", "properties": {
				   "campus": {"type": "string"},
				   "buildings": {"type": "array", "items": {"type": "string"}, "uniqueItems": true}},
				   "required": ["campus"]},
				 "layout": {"version": 1, "fields": [
				   {"key": "campus", "widget": "select", "label": {"zh-CN": "校区", "en-US": "Campus"}, "codeSet": "campus"},
				   {"key": "buildings", "widget": "checkbox", "label": {"zh-CN": "宿舍楼", "en-US": "Buildings"}, "codeSet": "%s"}]}}"""
			.formatted(key, set);
	}

	@Test
	void membersReadTheSeededSetsAndOnlyDesignersEditThem() {
		ApiClient student = as("stu001");
		Response list = student.get("/api/v1/workflow/code-sets");
		assertThat(list.status()).isEqualTo(200);
		List<String> keys = new ArrayList<>();
		list.json().forEach(s -> keys.add(s.get("key").asString()));
		assertThat(keys).contains("ethnicity", "political-status", "campus", "leave-type");
		Response ethnicity = student.get("/api/v1/workflow/code-sets/ethnicity");
		assertThat(ethnicity.json().get("name").get("zh-CN").asString()).isEqualTo("民族");
		assertThat(ethnicity.json().get("items").get(0).get("label").get("zh-CN").asString()).isEqualTo("汉族");
		assertThat(ethnicity.json().get("items").size()).isEqualTo(58);
		assertProblem(student.get("/api/v1/workflow/code-sets/no-such-set"), 404, "resource.not-found");

		String set = key("dorm");
		assertProblem(student.postJson("/api/v1/workflow/code-sets", codeSet(set, item("a", "一号楼", 1, true))), 403,
				"auth.forbidden");
		ApiClient designer = as("intl001");
		Response created = designer.postJson("/api/v1/workflow/code-sets", codeSet(set, item("a", "一号楼", 1, true)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertProblem(designer.postJson("/api/v1/workflow/code-sets", codeSet(set, item("a", "一号楼", 1, true))), 409,
				"workflow.code-set.exists");
		Response invalid = designer.language("en-US").putJson("/api/v1/workflow/code-sets/" + set, codeSet(set,
				item("a", "一号楼", 1, true) + "," + item("a", "二号楼", 2, true) + "," + item("b c", "", 3, true)));
		assertProblem(invalid, 422, "request.validation");
		List<String> fields = new ArrayList<>();
		invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("items[1].value", "items[2].value", "items[2].label");
		assertThat(designer.get("/api/v1/workflow/code-sets/" + set).json().get("items").size()).as("nothing half-applied")
			.isEqualTo(1);
		assertProblem(designer.putJson("/api/v1/workflow/code-sets/no-such-set", codeSet("no-such-set", item("a", "甲", 1, true))),
				404, "resource.not-found");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'workflow.code-set.create' and target = :t")
			.param("t", "workflow-code-set:" + set).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void submittedValuesMustBeEnabledItemsOfTheBoundSet() {
		ApiClient designer = as("intl001").language("en-US");
		String set = key("dorm");
		assertThat(designer.postJson("/api/v1/workflow/code-sets", codeSet(set, item("a", "一号楼", 1, true) + ","
				+ item("b", "二号楼", 2, true) + "," + item("old", "旧楼", 3, false))).status()).isEqualTo(201);
		String formKey = key("housing");
		Response created = designer.postJson("/api/v1/workflow/forms", form(formKey, set));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(designer.postJson("/api/v1/workflow/forms/" + formKey + "/versions", "").status()).isEqualTo(201);
		String validation = "/api/v1/workflow/forms/" + formKey + "/versions/1/validation";

		ApiClient student = as("stu001").language("en-US");
		assertThat(student.postJson(validation, """
				{"campus": "east", "buildings": ["a", "b"]}""").status()).isEqualTo(204);
		Response wrong = student.postJson(validation, """
				{"campus": "moon", "buildings": ["a", "old"]}""");
		assertProblem(wrong, 422, "request.validation");
		List<String> fields = new ArrayList<>();
		wrong.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("campus", "buildings");
		assertThat(wrong.body()).contains("Campus must be one of the enabled items of its code set.");

		// disabling an item: it is refused from then on
		assertThat(designer.putJson("/api/v1/workflow/code-sets/" + set, codeSet(set, item("a", "一号楼", 1, true) + ","
				+ item("b", "二号楼", 2, false))).status()).isEqualTo(200);
		Response disabled = student.language("zh-CN").postJson(validation, """
				{"campus": "main", "buildings": ["b"]}""");
		assertProblem(disabled, 422, "request.validation");
		assertThat(disabled.json().get("errors").get(0).get("field").asString()).isEqualTo("buildings");
		assertThat(disabled.body()).contains("宿舍楼必须是代码集中已启用的选项之一。");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'workflow.code-set.update' and target = :t")
			.param("t", "workflow-code-set:" + set).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFormNamingAnUnknownCodeSetIsRefused() {
		Response refused = as("admin").postJson("/api/v1/workflow/forms", form(key("housing"), "no-such-set"));
		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("layout.fields[1].codeSet");
	}
}
