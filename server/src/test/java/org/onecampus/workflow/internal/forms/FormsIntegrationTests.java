package org.onecampus.workflow.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class FormsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	private static String visitForm(String key, int maxLength) {
		return """
				{"key": "%s", "name": {"zh-CN": "访客登记", "en-US": "Visitor registration"},
				 "schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				   "properties": {"visitor": {"type": "string", "maxLength": %d}, "visitDate": {"type": "string", "format": "date"}},
				   "required": ["visitor"]},
				 "layout": {"version": 1, "fields": [
				   {"key": "visitor", "widget": "text", "label": {"zh-CN": "访客姓名", "en-US": "Visitor"}},
				   {"key": "visitDate", "widget": "date", "label": {"zh-CN": "来访日期", "en-US": "Visit date"}}]}}
				""".formatted(key, maxLength);
	}

	private static String uniqueKey(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void aDesignerCreatesAndPublishesAFormWhosePublishedVersionsNeverChange() {
		ApiClient designer = as("intl001");
		String key = uniqueKey("visit");
		Response created = designer.postJson("/api/v1/workflow/forms", visitForm(key, 50));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/api/v1/workflow/forms/" + key);
		assertThat(created.json().get("latestVersion").asInt()).isZero();

		Response v1 = designer.postJson("/api/v1/workflow/forms/" + key + "/versions", "");
		assertThat(v1.status()).as(v1.body()).isEqualTo(201);
		assertThat(v1.json().get("version").asInt()).isEqualTo(1);

		assertProblem(designer.postJson("/api/v1/workflow/forms/" + key + "/versions", ""), 409, "workflow.form.unchanged");

		Response saved = designer.putJson("/api/v1/workflow/forms/" + key, visitForm(key, 80));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		JsonNode stillV1 = designer.get("/api/v1/workflow/forms/" + key + "/versions/1").json();
		assertThat(stillV1.at("/schema/properties/visitor/maxLength").asInt()).isEqualTo(50);

		Response v2 = designer.postJson("/api/v1/workflow/forms/" + key + "/versions", "");
		assertThat(v2.json().get("version").asInt()).isEqualTo(2);
		assertThat(v2.json().at("/schema/properties/visitor/maxLength").asInt()).isEqualTo(80);
		JsonNode draft = designer.get("/api/v1/workflow/forms/" + key).json();
		assertThat(draft.get("versions")).hasSize(2);
		assertThat(designer.get("/api/v1/workflow/forms?q=" + key).json().get("total").asInt()).isEqualTo(1);
		assertProblem(designer.postJson("/api/v1/workflow/forms", visitForm(key, 50)), 409, "workflow.form.exists");
	}

	@Test
	void peopleWithoutFormPermissionsAreForbidden() {
		ApiClient student = as("stu001");
		assertProblem(student.postJson("/api/v1/workflow/forms", visitForm(uniqueKey("nope"), 10)), 403, "auth.forbidden");
		assertProblem(student.get("/api/v1/workflow/forms"), 403, "auth.forbidden");
		assertProblem(student.putJson("/api/v1/workflow/forms/leave-request", visitForm("leave-request", 10)), 403,
				"auth.forbidden");
		assertProblem(student.postJson("/api/v1/workflow/forms/leave-request/versions", ""), 403, "auth.forbidden");
		assertThat(student.get("/api/v1/workflow/forms/leave-request/versions/1").status()).isEqualTo(200);
	}

	@Test
	void anInvalidDefinitionIsRefusedWithOneErrorPerPath() {
		ApiClient designer = as("admin").language("en-US");
		String body = """
				{"key": "%s", "name": {"zh-CN": "坏表单", "en-US": "Bad form"},
				 "schema": {"type": "object", "properties": {
				   "a": {"type": "number", "minimum": 10, "maximum": 1},
				   "b": {"type": "string", "enum": ["x"]},
				   "orphan": {"type": "string"}}},
				 "layout": {"version": 1, "fields": [
				   {"key": "a", "widget": "date", "label": {"zh-CN": "甲"}, "visibleWhen": "b == 'x' &&"},
				   {"key": "b", "widget": "select", "label": {"zh-CN": "乙"}, "options": []},
				   {"key": "c", "widget": "text", "label": {"zh-CN": "丙"}, "requiredWhen": "nothing > 1"}]}}
				""".formatted(uniqueKey("bad"));
		Response response = designer.postJson("/api/v1/workflow/forms", body);
		assertProblem(response, 422, "request.validation");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("layout.fields[0].visibleWhen", "layout.fields[0].widget",
				"schema.properties.a.minimum", "layout.fields[1].options", "layout.fields[2].key",
				"layout.fields[2].requiredWhen", "schema.properties.orphan");
		assertThat(message(response, "layout.fields[0].visibleWhen")).startsWith("Syntax error at character 12");
	}

	@Test
	void submittedDataIsValidatedWithMessagesInTheCallersLanguage() {
		String items = """
				[{"date": "2026-03-01", "category": "travel", "amount": 120.5},
				 {"date": "2026-03-02", "category": "meals", "amount": 30},
				 {"date": "2026-03-02", "category": "meals", "amount": 12},
				 {"date": "2026-03-03", "category": "taxi", "amount": -3}]""";
		String data = "{\"items\": " + items + "}";
		Response zh = as("stu001").postJson("/api/v1/workflow/forms/expense-claim/versions/1/validation", data);
		assertProblem(zh, 422, "request.validation");
		assertThat(message(zh, "purpose")).isEqualTo("报销事由为必填项。");
		assertThat(message(zh, "items[3].amount")).isEqualTo("费用明细第4行金额必须大于 0。");
		assertThat(message(zh, "items[3].category")).isEqualTo("费用明细第4行类别必须是给定的选项之一。");

		Response en = as("stu001").language("en-US")
			.postJson("/api/v1/workflow/forms/expense-claim/versions/1/validation", data);
		assertThat(message(en, "purpose")).isEqualTo("Purpose is required.");
		assertThat(message(en, "items[3].amount")).isEqualTo("Expense items row 4 Amount must be greater than 0.");
	}

	@Test
	void validDataPassesAndConditionalRequirementsApply() {
		ApiClient student = as("stu001");
		String ok = """
				{"leaveType": "personal", "period": ["2026-12-01", "2026-12-02"], "reason": "回家处理家事",
				 "leavesCampus": "no", "destination": "ignored because hidden"}""";
		Response valid = student.postJson("/api/v1/workflow/forms/leave-request/versions/1/validation", ok);
		assertThat(valid.status()).as(valid.body()).isEqualTo(204);

		String leaving = """
				{"leaveType": "sick", "period": ["2026-12-01", "2026-12-05"], "reason": "住院治疗需要休养",
				 "leavesCampus": "yes", "emergencyPhone": "12345"}""";
		Response invalid = student.postJson("/api/v1/workflow/forms/leave-request/versions/1/validation", leaving);
		assertProblem(invalid, 422, "request.validation");
		assertThat(message(invalid, "destination")).isEqualTo("前往地点为必填项。");
		assertThat(message(invalid, "emergencyPhone")).isEqualTo("紧急联系电话的格式不正确。");
		assertThat(message(invalid, "proof")).isEqualTo("证明材料为必填项。");
	}

	@Test
	void anExportImportsBackUnderANewKey() {
		ApiClient designer = as("admin");
		Response export = designer.get("/api/v1/workflow/forms/expense-claim/export");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Disposition")).contains("form-expense-claim.json");
		ObjectNode document = (ObjectNode) export.json();
		assertThat(document.get("format").asString()).isEqualTo("onecampus-form");
		String key = uniqueKey("expense-copy");
		document.put("key", key);
		Response imported = designer.postJson("/api/v1/workflow/forms/import", JSON.writeValueAsString(document));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		JsonNode again = designer.get("/api/v1/workflow/forms/" + key + "/export").json();
		assertThat(again.get("schema")).isEqualTo(document.get("schema"));
		assertThat(again.get("layout")).isEqualTo(document.get("layout"));
		assertThat(again.get("ownerOrgUnitId")).isEqualTo(document.get("ownerOrgUnitId"));

		Response reimported = designer.postJson("/api/v1/workflow/forms/import", JSON.writeValueAsString(document));
		assertThat(reimported.status()).isEqualTo(200);
		assertProblem(designer.postJson("/api/v1/workflow/forms/import", "{\"format\": \"other\"}"), 422,
				"workflow.form.import");
	}

	@Test
	void prefillGivesTheStudentsCollegeAndCounsellorWithProvenance() {
		UUID counsellor = UUID.fromString(as("cou001").get("/api/v1/me").json().get("personId").asString());
		JsonNode prefill = as("stu001").get("/api/v1/workflow/forms/leave-request/versions/1/prefill").json();
		assertThat(prefill.at("/college/value").asString()).isEqualTo("计算机学院");
		assertThat(prefill.at("/college/source").asString()).isEqualTo("profile.college");
		assertThat(prefill.at("/college/authoritative").asBoolean()).isTrue();
		assertThat(prefill.at("/college/asOf").asString()).isNotBlank();
		assertThat(prefill.at("/applicantName/value").asString()).isEqualTo("李明轩");
		assertThat(prefill.at("/studentNumber/value").asString()).isNotBlank();
		assertThat(prefill.at("/counsellor/value").asString()).isEqualTo(counsellor.toString());
	}

	@Test
	void theFormsAndFilesApiIsInTheOpenApiDocument() {
		JsonNode paths = new ApiClient(port).get("/v3/api-docs").json().get("paths");
		assertThat(paths.has("/api/v1/workflow/forms")).isTrue();
		assertThat(paths.has("/api/v1/workflow/forms/{key}/versions/{version}/validation")).isTrue();
		assertThat(paths.has("/api/v1/workflow/forms/import")).isTrue();
		assertThat(paths.has("/api/v1/workflow/files")).isTrue();
		assertThat(paths.has("/api/v1/workflow/files/{id}")).isTrue();
	}

	@Test
	void anUnknownVersionIs404() {
		assertProblem(as("stu001").get("/api/v1/workflow/forms/leave-request/versions/99"), 404, "resource.not-found");
	}

	private static String message(Response response, String field) {
		for (JsonNode e : response.json().get("errors")) {
			if (e.get("field").asString().equals(field)) {
				return e.get("message").asString();
			}
		}
		throw new AssertionError("no error for " + field + " in " + response.body());
	}
}
