package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The demo 学生请假 process on the 学生请假申请 form, end to end: the form validates the submission on
 * the server, computes the days and overwrites locked prefilled fields, and the computed days pick the
 * branch (more than three days also goes to the head of the college).
 */
@IntegrationTest
class StudentLeaveIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonDirectory directory;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	UUID start(ApiClient applicant, String from, String to) {
		Response started = applicant.postJson("/api/v1/workflow/instances", """
				{"processKey": "student-leave", "formData": {"applicantName": "冒名顶替", "leaveType": "personal",
				 "period": ["%s", "%s"], "days": 99, "reason": "回家处理家事", "leavesCampus": "no"}}"""
			.formatted(from, to));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return UUID.fromString(started.json().get("id").asString());
	}

	String todo(ApiClient approver, UUID instance) {
		for (JsonNode item : approver.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(instance.toString())) {
				return item.get("taskId").asString();
			}
		}
		return null;
	}

	List<String> nodes(JsonNode view) {
		List<String> nodes = new ArrayList<>();
		view.get("timeline").forEach(step -> nodes.add(step.path("nodeId").asString("")));
		return nodes;
	}

	@Test
	void twoDaysOfLeaveNeedOnlyTheCounsellorAndTheServerComputesTheDaysAndKeepsTheLockedName() {
		ApiClient stu = as("stu001");
		UUID id = start(stu, "2026-12-07", "2026-12-08");

		JsonNode submitted = stu.get("/api/v1/workflow/instances/" + id).json().get("timeline").get(0).get("data");
		assertThat(submitted.get("days").asInt()).isEqualTo(2);
		assertThat(submitted.get("applicantName").asString()).isNotEqualTo("冒名顶替");
		assertThat(submitted.get("studentNumber").asString()).isNotBlank();

		ApiClient cou = as("cou001");
		String task = todo(cou, id);
		assertThat(task).isNotNull();
		Response approved = cou.postJson("/api/v1/workflow/tasks/" + task + "/approval", "{\"comment\": \"同意\"}");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		assertThat(stu.get("/api/v1/workflow/instances/" + id).json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(todo(as("head001"), id)).isNull();
	}

	@Test
	void fiveDaysOfLeaveAlsoGoToTheHeadOfTheCollege() {
		ApiClient stu = as("stu001");
		UUID id = start(stu, "2026-12-07", "2026-12-11");
		ApiClient cou = as("cou001");
		assertThat(cou.postJson("/api/v1/workflow/tasks/" + todo(cou, id) + "/approval", "{}").status()).isEqualTo(200);

		ApiClient head = as("head001");
		String headTask = todo(head, id);
		assertThat(headTask).isNotNull();
		assertThat(stu.get("/api/v1/workflow/instances/" + id).json().get("status").asString()).isEqualTo("RUNNING");
		assertThat(head.postJson("/api/v1/workflow/tasks/" + headTask + "/approval", "{}").json().get("status").asString())
			.isEqualTo("APPROVED");
	}

	@Test
	void anInvalidSubmissionIsRefusedFieldByFieldAndStartsNothing() {
		ApiClient stu = as("stu001").language("en-US");
		Response refused = stu.postJson("/api/v1/workflow/instances", """
				{"processKey": "student-leave", "formData": {"leaveType": "holiday", "period": ["2026-12-09", "2026-12-07"],
				 "leavesCampus": "yes"}}""");

		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").findValuesAsString("field"))
			.contains("leaveType", "reason", "destination", "emergencyPhone");
		assertThat(stu.get("/api/v1/workflow/instances?scope=mine&size=100").body()).doesNotContain("holiday");
	}

	@Test
	void fieldPermissionsOfTheStartNodeBindTheApplicant() {
		ApiClient admin = as("admin");
		String key = "leave-start-perm-" + UUID.randomUUID().toString().substring(0, 8);
		String model = """
				{"kind": "simple", "root": {"id": "start", "type": "START", "name": {"zh-CN": "发起人"},
				 "config": {"fieldPermissions": {"counsellor": "READONLY"}},
				 "next": {"id": "counsellor", "type": "APPROVER", "name": {"zh-CN": "辅导员审批"},
				   "config": {"assignee": {"rule": "POSITION", "position": "class-counsellor"}}, "next": null}}}""";
		assertThat(admin.postJson("/api/v1/workflow/processes", """
				{"key": "%s", "name": {"zh-CN": "请假（起草权限）"}, "formKey": "leave-request", "formVersion": 1,
				 "model": %s}""".formatted(key, model)).status()).isEqualTo(201);
		Response published = admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
		assertThat(published.status()).as(published.body()).isIn(200, 201);

		String head = directory.personIdByUsername("head001").orElseThrow().toString();
		Response started = as("stu001").postJson("/api/v1/workflow/instances", """
				{"processKey": "%s", "formData": {"leaveType": "personal", "period": ["2026-12-07", "2026-12-07"],
				 "reason": "参加校外面试", "leavesCampus": "no", "counsellor": "%s"}}""".formatted(key, head));

		assertThat(started.status()).as(started.body()).isEqualTo(201);
		JsonNode data = as("stu001").get("/api/v1/workflow/instances/" + started.json().get("id").asString()).json()
			.get("timeline").get(0).get("data");
		assertThat(data.get("reason").asString()).isEqualTo("参加校外面试");
		// Read-only for the applicant: the value they sent is ignored.
		assertThat(data.path("counsellor").asString("")).isNotEqualTo(head);
	}
}
