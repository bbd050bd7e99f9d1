package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/** The workflow API over HTTP with the demo processes and accounts. */
@IntegrationTest
class WorkflowApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonDirectory directory;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	UUID startLeave(ApiClient applicant) {
		Response started = applicant.postJson("/api/v1/workflow/instances",
				"{\"processKey\": \"leave\", \"formData\": {\"days\": 2, \"reason\": \"病假\"}}");
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return UUID.fromString(started.json().get("id").asString());
	}

	/** The open task of {@code approver} in the instance, from their to-do list. */
	String todo(ApiClient approver, UUID instance) {
		for (JsonNode item : approver.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(instance.toString())) {
				return item.get("taskId").asString();
			}
		}
		return null;
	}

	List<String> timeline(ApiClient viewer, UUID instance) {
		List<String> actions = new ArrayList<>();
		viewer.get("/api/v1/workflow/instances/" + instance).json().get("timeline")
			.forEach(step -> actions.add(step.get("action").asString()));
		return actions;
	}

	@Test
	void aLeaveRequestGoesFromTheStudentToTheCounsellorAndThenTheCollegeHead() {
		ApiClient stu = as("stu001");
		String body = "{\"processKey\": \"leave\", \"formData\": {\"days\": 3, \"reason\": \"回家探亲\"}}";
		Response first = stu.postJson("/api/v1/workflow/instances", body, Map.of("Idempotency-Key", "leave-" + UUID.randomUUID()));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		UUID id = UUID.fromString(first.json().get("id").asString());

		ApiClient cou = as("cou001");
		String counsellorTask = todo(cou, id);
		assertThat(counsellorTask).isNotNull();
		JsonNode task = cou.get("/api/v1/workflow/tasks/" + counsellorTask).json();
		assertThat(task.get("nodeName").get("zh-CN").asString()).isEqualTo("辅导员审批");
		assertThat(task.get("data").get("reason").asString()).isEqualTo("回家探亲");
		assertThat(task.get("actions").toString()).contains("approval", "rejection");
		Response approved = cou.postJson("/api/v1/workflow/tasks/" + counsellorTask + "/approval", "{\"comment\": \"同意\"}");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		ApiClient head = as("head001");
		String headTask = todo(head, id);
		assertThat(head.postJson("/api/v1/workflow/tasks/" + headTask + "/approval", "{}").json().get("status").asString())
			.isEqualTo("APPROVED");

		JsonNode view = stu.get("/api/v1/workflow/instances/" + id).json();
		assertThat(view.get("status").asString()).isEqualTo("APPROVED");
		assertThat(timeline(stu, id)).containsExactly("SUBMITTED", "APPROVED", "APPROVED", "APPROVED_END");
		assertThat(view.get("timeline").get(1).get("actor").get("id").asString())
			.isEqualTo(directory.personIdByUsername("cou001").orElseThrow().toString());
		assertThat(view.get("timeline").get(1).get("comment").asString()).isEqualTo("同意");
		assertThat(view.get("timeline").get(0).get("data").get("days").asInt()).isEqualTo(3);
		assertThat(cou.get("/api/v1/workflow/tasks?scope=done&size=100").body()).contains(counsellorTask);
		UUID counsellor = directory.personIdByUsername("cou001").orElseThrow();
		Map<String, String> counted = Map.of(
				"todo", "select count(*) from workflow_task where assignee_id = :p and status = 'OPEN'",
				"done", "select count(*) from workflow_task where assignee_id = :p and status = 'DONE'",
				"cc", "select count(*) from workflow_cc where person_id = :p");
		counted.forEach((scope, sql) -> assertThat(
				cou.get("/api/v1/workflow/tasks?scope=" + scope + "&size=1").json().get("total").asLong())
			.as(scope).isEqualTo(jdbc.sql(sql).param("p", counsellor).query(Long.class).single()));
	}

	@Test
	void theSameIdempotencyKeyStartsOneInstanceOnly() {
		ApiClient stu = as("stu001");
		String key = "same-" + UUID.randomUUID();
		String body = "{\"processKey\": \"leave\", \"formData\": {\"days\": 1}}";
		Response first = stu.postJson("/api/v1/workflow/instances", body, Map.of("Idempotency-Key", key));
		Response again = stu.postJson("/api/v1/workflow/instances", body, Map.of("Idempotency-Key", key));
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(jdbc.sql("select count(*) from workflow_instance where idempotency_key = :k").param("k", key)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void twoApprovalsOfOneTaskAtOnceSucceedOnceAndTheOtherGets409() throws Exception {
		UUID id = startLeave(as("stu001"));
		ApiClient first = as("cou001");
		ApiClient second = as("cou001");
		String task = todo(first, id);
		first.get("/api/v1/csrf");
		second.get("/api/v1/csrf");
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> approveAfter(go, first, task));
		CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> approveAfter(go, second, task));
		go.countDown();
		List<Response> responses = List.of(a.get(), b.get());
		assertThat(responses).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
		assertProblem(responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow(), 409, "workflow.task-closed");
		assertThat(jdbc.sql("select count(*) from workflow_action where task_id = :t and action = 'APPROVED'")
			.param("t", task).query(Long.class).single()).isEqualTo(1);
		assertThat(todo(as("head001"), id)).isNotNull();
	}

	private static Response approveAfter(CountDownLatch go, ApiClient client, String task) {
		try {
			go.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return client.postJson("/api/v1/workflow/tasks/" + task + "/approval", "{\"comment\": \"同意\"}");
	}

	@Test
	void anotherStudentSeesNeitherTheInstanceNorItsTask() {
		UUID id = startLeave(as("stu001"));
		String task = todo(as("cou001"), id);
		ApiClient other = as("grad001");
		assertProblem(other.get("/api/v1/workflow/instances/" + id), 404, "resource.not-found");
		assertProblem(other.get("/api/v1/workflow/tasks/" + task), 404, "resource.not-found");
		assertProblem(other.postJson("/api/v1/workflow/tasks/" + task + "/approval", "{}"), 404, "resource.not-found");
		assertProblem(other.postJson("/api/v1/workflow/instances/" + id + "/withdrawal", "{}"), 404, "resource.not-found");
	}

	@Test
	void theApplicantWithdrawsUntilAnApproverActs() {
		ApiClient stu = as("stu001");
		UUID early = startLeave(stu);
		Response withdrawn = stu.postJson("/api/v1/workflow/instances/" + early + "/withdrawal", "{\"reason\": \"不请了\"}");
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(todo(as("cou001"), early)).isNull();

		UUID late = startLeave(stu);
		ApiClient cou = as("cou001");
		cou.postJson("/api/v1/workflow/tasks/" + todo(cou, late) + "/approval", "{}");
		assertProblem(stu.postJson("/api/v1/workflow/instances/" + late + "/withdrawal", "{}"), 409,
				"workflow.withdraw-too-late");
	}

	@Test
	void aRejectionEndsTheInstanceWithTheComment() {
		ApiClient stu = as("stu001");
		UUID id = startLeave(stu);
		ApiClient cou = as("cou001");
		Response rejected = cou.postJson("/api/v1/workflow/tasks/" + todo(cou, id) + "/rejection",
				"{\"comment\": \"材料不全\"}");
		assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
		assertThat(todo(as("head001"), id)).isNull();
		JsonNode view = stu.get("/api/v1/workflow/instances/" + id).json();
		assertThat(view.get("timeline").get(1).get("comment").asString()).isEqualTo("材料不全");
	}

	@Test
	void anAdministratorSuspendsResumesMovesReassignsAndTerminatesWithReasons() {
		UUID id = startLeave(as("stu001"));
		ApiClient admin = as("admin");
		ApiClient cou = as("cou001");
		String base = "/api/v1/workflow/instances/" + id;
		assertProblem(cou.postJson(base + "/suspension", "{\"reason\": \"x\"}"), 404, "resource.not-found");

		assertThat(admin.postJson(base + "/suspension", "{\"reason\": \"核实材料\"}").status()).isEqualTo(204);
		assertProblem(cou.postJson("/api/v1/workflow/tasks/" + todo(cou, id) + "/approval", "{}"), 409,
				"workflow.instance-suspended");
		assertThat(admin.postJson(base + "/resumption", "{\"reason\": \"材料已核实\"}").status()).isEqualTo(204);
		assertThat(admin.postJson(base + "/move", "{\"toNodeId\": \"college_head\", \"reason\": \"辅导员出差\"}").status())
			.isEqualTo(204);
		assertThat(todo(cou, id)).isNull();
		ApiClient head = as("head001");
		String headTask = todo(head, id);
		assertThat(headTask).isNotNull();
		UUID it = directory.personIdByUsername("it001").orElseThrow();
		assertThat(admin.postJson(base + "/reassignment",
				"{\"taskId\": \"" + headTask + "\", \"assigneeId\": \"" + it + "\", \"reason\": \"院长休假\"}").status())
			.isEqualTo(204);
		assertThat(todo(head, id)).isNull();
		assertThat(todo(as("it001"), id)).isEqualTo(headTask);
		// The new assignee is told (a hand-over notice, not a second "new task" for the same task).
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql("""
				select count(*) from messaging_message m join messaging_recipient r on r.message_id = m.id
				where m.idempotency_key like 'workflow-handover:%' and r.username = 'it001'""").query(Long.class).single())
			.isPositive());
		assertThat(admin.postJson(base + "/termination", "{\"reason\": \"重复申请\"}").status()).isEqualTo(204);

		JsonNode view = admin.get(base).json();
		assertThat(view.get("status").asString()).isEqualTo("TERMINATED");
		assertThat(timeline(admin, id)).containsSubsequence("SUBMITTED", "SUSPENDED", "RESUMED", "MOVED", "REASSIGNED",
				"TERMINATED");
		assertThat(view.get("timeline").toString()).contains("核实材料", "辅导员出差", "院长休假", "重复申请");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where target = :t and actor = 'admin'")
			.param("t", "workflow-instance:" + id).query(Long.class).single()).isEqualTo(5);
		assertThat(admin.get("/api/v1/workflow/processes/leave/instances?status=TERMINATED&size=100").body())
			.contains(id.toString());
	}

	@Test
	void onlyTheApplicantsOfAProcessMayStartIt() {
		assertProblem(as("fac001").postJson("/api/v1/workflow/instances", "{\"processKey\": \"leave\", \"formData\": {}}"),
				403, "workflow.not-an-applicant");
	}

	@Test
	void ccRecipientsSeeTheInstanceOnceUnderTheirCcList() {
		ApiClient stu = as("stu001");
		Response started = stu.postJson("/api/v1/workflow/instances", "{\"processKey\": \"venue-booking\", \"formData\": {}}");
		UUID id = UUID.fromString(started.json().get("id").asString());
		ApiClient cou = as("cou001");
		ApiClient head = as("head001");
		String couTask = todo(cou, id);
		String headTask = todo(head, id);
		assertThat(couTask).isNotNull();
		assertThat(headTask).isNotNull();
		cou.postJson("/api/v1/workflow/tasks/" + couTask + "/approval", "{}");
		assertThat(head.postJson("/api/v1/workflow/tasks/" + headTask + "/approval", "{}").json().get("status").asString())
			.isEqualTo("APPROVED");
		String cc = cou.get("/api/v1/workflow/tasks?scope=cc&size=100").body();
		assertThat(cc.split(id.toString(), -1)).hasSize(2);
	}

	@Test
	void anInvalidModelIsRefusedWithAnErrorPerNode() {
		ApiClient admin = as("admin");
		String key = "bad-" + (System.nanoTime() % 100000);
		String model = SimpleModels.model(SimpleModels.branches("cond", "CONDITION", "null",
				SimpleModels.branch("b_broken", "days > ", SimpleModels.approver("n_ok",
						SimpleModels.persons(null, directory.personIdByUsername("cou001").orElseThrow()), "null")),
				SimpleModels.branch("b_rest", null, SimpleModels.approver("n_bad",
						"{\"assignee\": {\"rule\": \"PERSONS\", \"persons\": []}}", "null"))));
		assertThat(admin.postJson("/api/v1/workflow/processes",
				"{\"key\": \"" + key + "\", \"name\": {\"zh-CN\": \"坏流程\"}, \"model\": " + model + "}").status()).isEqualTo(201);
		Response publish = admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
		assertProblem(publish, 422, "workflow.model-invalid");
		List<String> fields = new ArrayList<>();
		publish.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("n_bad", "b_broken");
	}

	@Test
	void bpmnFromTheModelerIsValidatedAndRuns() {
		ApiClient admin = as("admin");
		UUID cou = directory.personIdByUsername("cou001").orElseThrow();
		String key = "bpmn-" + (System.nanoTime() % 100000);
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:onecampus="https://onecampus.org/schema/bpmn" targetNamespace="https://onecampus.org/t">
				  <bpmn:process id="%s" isExecutable="true">
				    <bpmn:startEvent id="s"/>
				    <bpmn:userTask id="review" name="审核" onecampus:config="{&quot;assignee&quot;: {&quot;rule&quot;: &quot;PERSONS&quot;, &quot;persons&quot;: [&quot;%s&quot;]}}"/>
				    <bpmn:userTask id="unconfigured" name="未配置"/>
				    <bpmn:endEvent id="e"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="unconfigured"/>
				    <bpmn:sequenceFlow id="f3" sourceRef="unconfigured" targetRef="e"/>
				  </bpmn:process>
				</bpmn:definitions>""".formatted(key, cou);
		String body = "{\"key\": \"%s\", \"name\": {\"zh-CN\": \"BPMN 流程\"}, \"bpmnXml\": %s}";
		assertThat(admin.postJson("/api/v1/workflow/processes", body.formatted(key, quote(xml))).status()).isEqualTo(201);
		Response refused = admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
		assertProblem(refused, 422, "workflow.model-invalid");
		assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("unconfigured");

		String fixed = xml.replace("<bpmn:userTask id=\"unconfigured\" name=\"未配置\"/>",
				"<bpmn:userTask id=\"unconfigured\" name=\"复核\" onecampus:type=\"HANDLER\" onecampus:config=\"{&quot;assignee&quot;: {&quot;rule&quot;: &quot;POSITION&quot;, &quot;position&quot;: &quot;college-head&quot;}}\"/>");
		assertThat(admin.putJson("/api/v1/workflow/processes/" + key,
				"{\"name\": {\"zh-CN\": \"BPMN 流程\"}, \"bpmnXml\": %s}".formatted(quote(fixed))).status()).isEqualTo(200);
		Response published = admin.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		assertThat(published.json().get("bpmnXml").asString()).contains("multiInstanceLoopCharacteristics");

		ApiClient stu = as("stu001");
		Response started = stu.postJson("/api/v1/workflow/instances", "{\"processKey\": \"" + key + "\"}");
		UUID id = UUID.fromString(started.json().get("id").asString());
		ApiClient counsellor = as("cou001");
		counsellor.postJson("/api/v1/workflow/tasks/" + todo(counsellor, id) + "/approval", "{}");
		ApiClient head = as("head001");
		String handlerTask = todo(head, id);
		assertThat(head.get("/api/v1/workflow/tasks/" + handlerTask).json().get("actions").toString())
			.startsWith("[\"approval\"").doesNotContain("rejection");
	}

	private static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
