package org.onecampus.workflow.internal.tasks;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** Version diffs, migration plans and rollbacks over HTTP: permissions, form compatibility, localized reasons. */
@IntegrationTest
class MigrationApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonDirectory directory;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static String form(String key, int maxLength) {
		return """
				{"key": "%s", "name": {"zh-CN": "借用申请", "en-US": "Loan request"},
				 "schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
				   "properties": {"item": {"type": "string", "maxLength": %d}, "note": {"type": "string"}},
				   "required": ["item"]},
				 "layout": {"version": 1, "fields": [
				   {"key": "item", "widget": "text", "label": {"zh-CN": "物品", "en-US": "Item"}},
				   {"key": "note", "widget": "text", "label": {"zh-CN": "备注", "en-US": "Note"}}]}}
				""".formatted(key, maxLength);
	}

	static String newProcess(String key, String formKey, int formVersion, UUID approver) {
		return "{\"key\": \"" + key + "\", " + process(formKey, formVersion, approver, null).strip().substring(1);
	}

	static String process(String formKey, int formVersion, UUID approver, String secondNode) {
		String second = secondNode == null ? "null" : """
				{"id": "%s", "type": "APPROVER", "name": {"zh-CN": "复核", "en-US": "Review"},
				 "config": {"assignee": {"rule": "PERSONS", "persons": ["%s"]}}, "next": null}""".formatted(secondNode, approver);
		return """
				{"name": {"zh-CN": "借用流程", "en-US": "Loan"}, "formKey": "%s", "formVersion": %d,
				 "model": {"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人"},
				   "config": {"fieldPermissions": {"item": "EDITABLE", "note": "EDITABLE"}},
				   "next": {"id": "a", "type": "APPROVER", "name": {"zh-CN": "审批", "en-US": "Approval"},
				     "config": {"assignee": {"rule": "PERSONS", "persons": ["%s"]}}, "next": %s}}}}
				""".formatted(formKey, formVersion, approver, second);
	}

	static UUID start(ApiClient applicant, String key, String item) {
		Response started = applicant.postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"" + key + "\", \"formData\": {\"item\": \"" + item + "\"}}");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return UUID.fromString(started.json().get("id").asString());
	}

	static JsonNode result(Response report, UUID id) {
		return result(report.json(), id);
	}

	static JsonNode result(JsonNode report, UUID id) {
		for (JsonNode item : report.get("instances")) {
			if (item.get("instanceId").asString().equals(id.toString())) {
				return item;
			}
		}
		throw new AssertionError(id + " is not in " + report);
	}

	/**
	 * A loan process whose version 1 runs two instances (item "笔记本电脑一台" and "投影仪") and whose version 2 adds a
	 * review node "r" and pins form version 2, where the item may have 4 characters at most (so only the short one
	 * can move).
	 */
	record Loan(String key, UUID longItem, UUID shortItem) {

		static Loan publish(ApiClient admin, ApiClient applicant, UUID approver) {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String formKey = "loan-" + suffix;
			String key = "loan-flow-" + suffix;
			assertThat(admin.postJson("/api/v1/workflow/forms", form(formKey, 50)).status()).isEqualTo(201);
			assertThat(admin.postJson("/api/v1/workflow/forms/" + formKey + "/versions", "").status()).isEqualTo(201);
			assertThat(admin.putJson("/api/v1/workflow/forms/" + formKey, form(formKey, 4)).status()).isEqualTo(200);
			assertThat(admin.postJson("/api/v1/workflow/forms/" + formKey + "/versions", "").status()).isEqualTo(201);
			Response created = admin.postJson("/api/v1/workflow/processes", newProcess(key, formKey, 1, approver));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "").status()).isEqualTo(201);
			UUID longItem = start(applicant, key, "笔记本电脑一台");
			UUID shortItem = start(applicant, key, "投影仪");
			assertThat(admin.putJson("/api/v1/workflow/processes/" + key, process(formKey, 2, approver, "r")).status())
				.isEqualTo(200);
			assertThat(admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "").status()).isEqualTo(201);
			return new Loan(key, longItem, shortItem);
		}
	}

	@Test
	void anAdministratorPlansAMigrationWithFormChecksAndRollsBackABadPublish() {
		ApiClient admin = as("admin");
		ApiClient stu = as("stu001");
		Loan loan = Loan.publish(admin, stu, directory.personIdByUsername("fac001").orElseThrow());
		String key = loan.key();
		UUID longItem = loan.longItem();
		UUID shortItem = loan.shortItem();

		Response diff = admin.get("/api/v1/workflow/processes/" + key + "/versions/1/diff/2");
		assertThat(diff.status()).as(diff.body()).isEqualTo(200);
		assertThat(diff.json().get("added").get(0).get("nodeId").asString()).isEqualTo("r");
		assertThat(diff.json().get("formChanged").asBoolean()).isTrue();

		String plan = "{\"fromVersion\": 1, \"toVersion\": 2, \"dryRun\": true}";
		assertProblem(stu.postJson("/api/v1/workflow/processes/" + key + "/migrations", plan), 403,
				"workflow.migration.forbidden");
		assertProblem(as("fac001").postJson("/api/v1/workflow/processes/" + key + "/migrations", plan), 403,
				"workflow.migration.forbidden");

		Response dry = admin.language("en").postJson("/api/v1/workflow/processes/" + key + "/migrations", plan);
		assertThat(dry.status()).as(dry.body()).isEqualTo(200);
		JsonNode refused = result(dry, longItem);
		assertThat(refused.get("movable").asBoolean()).as(dry.body()).isFalse();
		assertThat(refused.get("reasons").get(0).get("code").asString()).isEqualTo("FORM_INVALID");
		assertThat(refused.get("reasons").get(0).get("fields").get(0).asString()).isEqualTo("item");
		assertThat(refused.get("reasons").get(0).get("message").asString()).contains("form version");
		assertThat(result(dry, shortItem).get("movable").asBoolean()).isTrue();
		Response zh = as("admin").language("zh-CN").postJson("/api/v1/workflow/processes/" + key + "/migrations", plan);
		assertThat(result(zh, longItem).get("reasons").get(0).get("message").asString()).contains("表单");

		Response moved = admin.postJson("/api/v1/workflow/processes/" + key + "/migrations",
				"{\"fromVersion\": 1, \"toVersion\": 2, \"dryRun\": false}");
		assertThat(moved.json().get("migrated").asInt()).isEqualTo(1);
		assertThat(moved.json().get("failed").asInt()).isEqualTo(1);
		JsonNode view = admin.get("/api/v1/workflow/instances/" + shortItem).json();
		assertThat(view.get("version").asInt()).isEqualTo(2);
		assertThat(view.toString()).contains("MIGRATED");

		assertProblem(stu.postJson("/api/v1/workflow/processes/" + key + "/versions/2/rollback", "{}"), 403,
				"auth.forbidden");
		assertProblem(admin.postJson("/api/v1/workflow/processes/" + key + "/versions/1/rollback", "{}"), 422,
				"request.validation");
		Response rolledBack = admin.postJson("/api/v1/workflow/processes/" + key + "/versions/2/rollback", "{}");
		assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(201);
		assertThat(rolledBack.json().get("version").asInt()).isEqualTo(3);
		JsonNode report = rolledBack.json().get("migration");
		assertThat(report.get("dryRun").asBoolean()).isTrue();
		assertThat(result(report, shortItem).get("movable").asBoolean()).as(report.toString()).isTrue();
		JsonNode v3 = admin.get("/api/v1/workflow/processes/" + key + "/versions/3").json();
		assertThat(v3.get("formVersion").asInt()).isEqualTo(1);
		assertThat(v3.get("nodes").has("r")).isFalse();
		assertProblem(admin.postJson("/api/v1/workflow/processes/" + key + "/versions/2/rollback", "{}"), 409,
				"workflow.rollback.not-latest");
		UUID fresh = start(stu, key, "笔记本电脑一台");
		assertThat(admin.get("/api/v1/workflow/instances/" + fresh).json().get("version").asInt()).isEqualTo(3);
	}
}
