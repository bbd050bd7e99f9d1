package org.onecampus.hall.internal.applications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Applying for service items through the hall and following the applications: idempotent submission (also
 * concurrent), field errors, hooks in the submit transaction, who may see an application, withdraw, return and
 * resubmission, evaluation, results, drafts, lists by scope and the notices in the applicant's messages.
 */
@IntegrationTest
class HallApplicationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersonDirectory directory;

	@Autowired
	PersonProfiles profiles;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ConfigurableApplicationContext context;

	@BeforeEach
	void items() {
		HallFixtures.install(context);
	}

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static String key() {
		return UUID.randomUUID().toString();
	}

	static Response apply(ApiClient client, String key, String body) {
		return client.postJson("/api/v1/hall/applications", body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	static String leave(String from, String to) {
		return """
				{"serviceCode": "student-leave", "formData": {"leaveType": "personal", "period": ["%s", "%s"],
				 "reason": "回家处理家事", "leavesCampus": "no"}}""".formatted(from, to);
	}

	static String probe(String reason) {
		return """
				{"serviceCode": "apply-probe", "formData": {"reason": "%s", "copies": 2}}""".formatted(reason);
	}

	String todo(ApiClient approver, String instanceId) {
		for (JsonNode item : approver.get("/api/v1/workflow/tasks?scope=todo&size=100").json().get("items")) {
			if (item.get("instanceId").asString().equals(instanceId)) {
				return item.get("taskId").asString();
			}
		}
		return null;
	}

	String status(String id) {
		return jdbc.sql("select status from hall_application where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single();
	}

	long notices(String id, String event) {
		return jdbc.sql("select count(*) from messaging_message where sender = 'module:hall' and idempotency_key like :k")
			.param("k", "hall-application:" + id + ":" + event + "%").query(Long.class).single();
	}

	@Test
	void submittingNeedsAKeyAndTheSameKeyGivesTheSameApplication() {
		ApiClient stu = as("stu001");
		assertProblem(apply(stu, null, leave("2026-12-14", "2026-12-15")), 400, "hall.application.idempotency-key");

		String key = key();
		Response created = apply(stu, key, leave("2026-12-14", "2026-12-15"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode application = created.json();
		assertThat(application.get("status").asString()).isEqualTo("RUNNING");
		assertThat(application.get("serviceCode").asString()).isEqualTo("student-leave");
		assertThat(application.get("promisedDays").asInt()).isEqualTo(2);
		assertThat(application.get("currentNodes").get(0).get("nodeId").asString()).isEqualTo("counsellor");
		assertThat(application.get("currentNodes").get(0).get("handlers").get(0).get("name").asString()).isNotBlank();
		assertThat(application.get("timeline").get(0).get("action").asString()).isEqualTo("SUBMITTED");
		assertThat(application.get("actions").get("withdraw").asBoolean()).isTrue();
		assertThat(application.get("formData").get("days").asInt()).isEqualTo(2);

		Response again = apply(stu, key, leave("2026-12-21", "2026-12-25"));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(application.get("id").asString());
		Response other = apply(stu, key(), leave("2026-12-14", "2026-12-15"));
		assertThat(other.status()).isEqualTo(201);
		assertThat(other.json().get("id").asString()).isNotEqualTo(application.get("id").asString());

		String id = application.get("id").asString();
		JsonNode row = json.readTree(jdbc.sql("""
				select json_build_object('owner', owner_org_unit_id, 'cross', cross_department, 'n',
				  (select count(*) from hall_application where idempotency_key = :k))::text
				from hall_application where id = cast(:id as uuid)""").param("k", key).param("id", id).query(String.class).single());
		assertThat(row.get("owner").asString()).isEqualTo(profiles.orgUnitIdByCode("SA").orElseThrow().toString());
		// the item's co-handling departments at submit: the demo 学生请假 item has none
		assertThat(row.get("cross").asBoolean()).isFalse();
		Response recent = stu.get("/api/v1/hall/services?view=recent");
		assertThat(recent.json().get("items").findValuesAsString("code")).as(recent.body()).contains("student-leave");
		assertThat(row.get("n").asInt()).isEqualTo(1);
	}

	@Test
	void twoConcurrentRequestsWithOneKeySubmitOnce() throws Exception {
		ApiClient first = as("stu001");
		ApiClient second = as("stu001");
		String key = key();
		CountDownLatch go = new CountDownLatch(1);
		CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> {
			await(go);
			return apply(first, key, leave("2027-01-04", "2027-01-05"));
		});
		CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> {
			await(go);
			return apply(second, key, leave("2027-01-04", "2027-01-05"));
		});
		go.countDown();
		Response ra = a.get();
		Response rb = b.get();

		assertThat(List.of(ra.status(), rb.status())).as(ra.body() + rb.body()).containsExactlyInAnyOrder(201, 200);
		assertThat(ra.json().get("id").asString()).isEqualTo(rb.json().get("id").asString());
		UUID stu = directory.personIdByUsername("stu001").orElseThrow();
		assertThat(jdbc.sql("select count(*) from hall_application where applicant_id = :p and idempotency_key = :k")
			.param("p", stu).param("k", key).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from workflow_instance where applicant_id = :p and idempotency_key = :k")
			.param("p", stu).param("k", "hall:" + key).query(Long.class).single()).isEqualTo(1);
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void invalidDataIsRefusedPerFieldAndAHookRefusalLeavesNothingBehind() {
		ApiClient stu = as("stu001").language("en-US");
		Response invalid = apply(stu, key(), """
				{"serviceCode": "student-leave", "formData": {"leaveType": "holiday", "period": ["2026-12-09", "2026-12-07"],
				 "leavesCampus": "yes"}}""");
		assertProblem(invalid, 422, "request.validation");
		assertThat(invalid.json().get("errors").findValuesAsString("field"))
			.contains("leaveType", "reason", "destination", "emergencyPhone");

		String key = key();
		Response refused = apply(stu, key, probe("教室冲突"));
		assertProblem(refused, 422, "request.validation");
		assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("reason");
		UUID me = directory.personIdByUsername("stu001").orElseThrow();
		assertThat(jdbc.sql("select count(*) from workflow_instance where applicant_id = :p and idempotency_key = :k")
			.param("p", me).param("k", "hall:" + key).query(Long.class).single()).isZero();
		Response accepted = apply(stu, key, probe("补办学生证"));
		assertThat(accepted.status()).isEqualTo(201);
		// the probe item has a co-handling college, so the application counts as cross-department
		assertThat(jdbc.sql("select cross_department from hall_application where id = cast(:id as uuid)")
			.param("id", accepted.json().get("id").asString()).query(Boolean.class).single()).isTrue();
	}

	@Test
	void itemsTheCallerMayNotUseAndApplicationsOfOthersAreNotFound() {
		assertProblem(apply(as("fac001"), key(), leave("2026-12-14", "2026-12-14")), 404, "resource.not-found");
		assertProblem(apply(as("stu001"), key(), "{\"serviceCode\": \"no-such-item\", \"formData\": {}}"), 404,
				"resource.not-found");

		ApiClient stu = as("stu001");
		Response created = apply(stu, key(), probe("补办学生证"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();

		assertProblem(as("fac001").get("/api/v1/hall/applications/" + id), 404, "resource.not-found");
		assertProblem(as("grad001").get("/api/v1/hall/applications/" + id), 404, "resource.not-found");
		assertProblem(as("fac001").get("/api/v1/hall/applications/" + UUID.randomUUID()), 404, "resource.not-found");
		JsonNode handler = as("cou001").get("/api/v1/hall/applications/" + id).json();
		assertThat(handler.get("id").asString()).isEqualTo(id);
		assertThat(handler.get("actions").get("withdraw").asBoolean()).isFalse();
		assertThat(handler.path("formData").isNull() || handler.path("formData").isMissingNode()).isTrue();
		Response copied = as("head001").get("/api/v1/hall/applications/" + id);
		assertThat(copied.status()).as(copied.body()).isEqualTo(200);
		Response admin = as("admin").get("/api/v1/hall/applications/" + id);
		assertThat(admin.status()).isEqualTo(200);
		assertThat(admin.json().get("formData").get("reason").asString()).isEqualTo("补办学生证");

		assertThat(ids(stu.get("/api/v1/hall/applications?scope=mine&size=100"))).contains(id);
		assertThat(ids(as("cou001").get("/api/v1/hall/applications?scope=handled&size=100"))).contains(id);
		assertThat(ids(as("head001").get("/api/v1/hall/applications?scope=cc&size=100"))).contains(id);
		assertThat(ids(as("admin").get("/api/v1/hall/applications?scope=admin&q=探针&size=100"))).contains(id);
		assertThat(ids(as("fac001").get("/api/v1/hall/applications?scope=admin&size=100"))).isEmpty();
		assertThat(ids(stu.get("/api/v1/hall/applications?scope=mine&status=APPROVED&q=apply-probe&size=100")))
			.doesNotContain(id);
		assertProblem(stu.get("/api/v1/hall/applications?scope=everyone"), 422, "request.validation");
	}

	static List<String> ids(Response page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return page.json().get("items").findValuesAsString("id");
	}

	@Test
	void theApplicantWithdrawsBeforeAnyoneActed() {
		ApiClient stu = as("stu001");
		String id = apply(stu, key(), probe("撤回测试")).json().get("id").asString();
		assertProblem(as("cou001").postJson("/api/v1/hall/applications/" + id + "/withdrawal", "{}"), 403,
				"hall.application.not-applicant");

		Response withdrawn = stu.postJson("/api/v1/hall/applications/" + id + "/withdrawal", "{\"reason\": \"不需要了\"}");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.json().get("actions").get("withdraw").asBoolean()).isFalse();
		assertThat(status(id)).isEqualTo("WITHDRAWN");
		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/withdrawal", "{}"), 409, "workflow.instance-ended");
		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/evaluation", "{\"stars\": 5}"), 409,
				"hall.application.not-completed");
	}

	@Test
	void returnedResubmittedApprovedThenRatedOnceWithNoticesAlongTheWay() {
		ApiClient stu = as("stu001");
		Response created = apply(stu, key(), probe("补办学生证"));
		String id = created.json().get("id").asString();
		String instance = created.json().get("instanceId").asString();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(id, "submitted") == 1);

		ApiClient cou = as("cou001");
		String task = todo(cou, instance);
		assertThat(task).isNotNull();
		JsonNode targets = cou.get("/api/v1/workflow/tasks/" + task + "/return-targets").json();
		String start = null;
		for (JsonNode t : targets) {
			if ("START".equals(t.get("type").asString())) {
				start = t.get("nodeId").asString();
			}
		}
		Response returned = cou.postJson("/api/v1/workflow/tasks/" + task + "/return",
				"{\"targetNodeId\": \"%s\", \"comment\": \"请写明补办原因\"}".formatted(start));
		assertThat(returned.status()).as(returned.body()).isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "RETURNED".equals(status(id)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(id, "returned") == 1);
		JsonNode view = stu.get("/api/v1/hall/applications/" + id).json();
		assertThat(view.get("status").asString()).isEqualTo("RETURNED");
		assertThat(view.get("returnCount").asInt()).isEqualTo(1);
		assertThat(view.get("actions").get("resubmit").asBoolean()).isTrue();
		assertThat(view.get("timeline").findValuesAsString("action")).contains("RETURNED");

		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/resubmission",
				"{\"formData\": {\"reason\": \"教室冲突\", \"copies\": 2}}"), 422, "request.validation");
		Response resubmitted = stu.postJson("/api/v1/hall/applications/" + id + "/resubmission",
				"{\"formData\": {\"reason\": \"学生证丢失，补办\", \"copies\": 1}, \"comment\": \"已补充\"}");
		assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
		assertThat(resubmitted.json().get("status").asString()).isEqualTo("RUNNING");
		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/resubmission", "{}"), 409,
				"hall.application.not-returned");

		String again = todo(cou, instance);
		assertThat(cou.postJson("/api/v1/workflow/tasks/" + again + "/approval", "{\"comment\": \"同意\"}").status())
			.isEqualTo(200);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "APPROVED".equals(status(id)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(id, "ended") == 1);
		assertThat(jdbc.sql("select return_count from hall_application where id = cast(:id as uuid)").param("id", id)
			.query(Integer.class).single()).isEqualTo(1);
		// one message per event: workflow leaves the applicant's return and end notices to the hall
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
				select count(*) from event_publication where event_type = 'org.onecampus.workflow.ProcessInstanceEnded'
				and serialized_event like :i and completion_date is null""").param("i", "%" + instance + "%")
			.query(Long.class).single() == 0);
		assertThat(jdbc.sql("""
				select count(*) from messaging_message where sender = 'module:workflow'
				and (idempotency_key like :returned or idempotency_key = :ended)""")
			.param("returned", "workflow-returned:" + instance + ":%").param("ended", "workflow-ended:" + instance)
			.query(Long.class).single()).isZero();

		JsonNode approved = stu.get("/api/v1/hall/applications/" + id).json();
		assertThat(approved.get("endedAt").isNull()).isFalse();
		assertThat(approved.get("actions").get("evaluate").asBoolean()).isTrue();
		assertThat(approved.get("results").get(0).get("name").asString()).isEqualTo("receipt.txt");
		byte[] receipt = stu.download("/api/v1/hall/applications/" + id + "/results/receipt.txt");
		assertThat(new String(receipt, StandardCharsets.UTF_8)).contains(id, "学生证丢失，补办");
		assertProblem(stu.get("/api/v1/hall/applications/" + id + "/results/other.txt"), 404, "resource.not-found");
		assertProblem(as("fac001").get("/api/v1/hall/applications/" + id + "/results/receipt.txt"), 404,
				"resource.not-found");

		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/evaluation", "{\"stars\": 6}"), 422,
				"request.validation");
		assertProblem(cou.postJson("/api/v1/hall/applications/" + id + "/evaluation", "{\"stars\": 5}"), 403,
				"hall.application.not-applicant");
		Response rated = stu.postJson("/api/v1/hall/applications/" + id + "/evaluation",
				"{\"stars\": 4, \"comment\": \"办理很快\"}");
		assertThat(rated.status()).as(rated.body()).isEqualTo(200);
		assertThat(rated.json().get("evaluation").get("stars").asInt()).isEqualTo(4);
		assertThat(rated.json().get("actions").get("evaluate").asBoolean()).isFalse();
		assertProblem(stu.postJson("/api/v1/hall/applications/" + id + "/evaluation", "{\"stars\": 1}"), 409,
				"hall.application.evaluated");

		String inbox = stu.get("/api/v1/messaging/inbox?size=50").body();
		assertThat(inbox).contains("已受理：办事探针事项", "需要您处理：办事探针事项 已退回", "办理结果：办事探针事项 已通过");
		assertThat(notices(id, "submitted") + notices(id, "returned") + notices(id, "ended")).isEqualTo(3);
	}

	@Test
	void anApplicationSuspendedByTheProcessAdministratorIsShownOnHoldUntilResumed() {
		ApiClient stu = as("stu001");
		Response created = apply(stu, key(), probe("挂起测试"));
		String id = created.json().get("id").asString();
		String instance = created.json().get("instanceId").asString();
		ApiClient admin = as("admin");
		Response suspended = admin.postJson("/api/v1/workflow/instances/" + instance + "/suspension",
				"{\"reason\": \"等待学院核实材料\"}");
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(204);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "SUSPENDED".equals(status(id)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(id, "suspended") == 1);

		JsonNode view = stu.get("/api/v1/hall/applications/" + id).json();
		assertThat(view.get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(view.get("suspension").get("reason").asString()).isEqualTo("等待学院核实材料");
		assertThat(view.get("suspension").get("by").get("name").asString()).isNotBlank();
		assertThat(view.get("suspension").get("at").isNull()).isFalse();
		assertThat(view.get("actions").get("withdraw").asBoolean()).isFalse();
		assertThat(ids(stu.get("/api/v1/hall/applications?scope=mine&status=SUSPENDED&size=100"))).contains(id);
		assertThat(ids(stu.get("/api/v1/hall/applications?scope=mine&status=RUNNING,RETURNED,SUSPENDED&size=100")))
			.contains(id);
		assertThat(ids(stu.get("/api/v1/hall/applications?scope=mine&status=RUNNING&size=100"))).doesNotContain(id);
		assertProblem(stu.get("/api/v1/hall/applications?scope=mine&status=ON_HOLD"), 422, "request.validation");
		JsonNode mine = stu.get("/api/v1/hall/todos?scope=mine&size=100").json().get("items");
		assertThat(mine.findParents("instanceId").stream().filter(i -> instance.equals(i.get("instanceId").asString()))
			.map(i -> i.get("instanceStatus").asString()).toList()).containsExactly("SUSPENDED");

		Response resumed = admin.postJson("/api/v1/workflow/instances/" + instance + "/resumption",
				"{\"reason\": \"材料已核实\"}");
		assertThat(resumed.status()).as(resumed.body()).isEqualTo(204);
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(status(id)));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notices(id, "resumed") == 1);
		JsonNode back = stu.get("/api/v1/hall/applications/" + id).json();
		assertThat(back.get("status").asString()).isEqualTo("RUNNING");
		assertThat(back.path("suspension").isMissingNode() || back.path("suspension").isNull()).isTrue();
		assertThat(back.get("timeline").findValuesAsString("action")).contains("SUSPENDED", "RESUMED");
		assertThat(jdbc.sql("select suspended_at is null and suspended_seconds >= 0 from hall_application where id = cast(:id as uuid)")
			.param("id", id).query(Boolean.class).single()).isTrue();
		String inbox = stu.get("/api/v1/messaging/inbox?size=50").body();
		assertThat(inbox).contains("已暂停办理：办事探针事项", "等待学院核实材料", "已恢复办理：办事探针事项");
	}

	@Test
	void aDraftIsKeptPerPersonAndItem() {
		ApiClient stu = as("stu001");
		stu.send("DELETE", "/api/v1/hall/drafts/student-leave", "application/json",
				java.net.http.HttpRequest.BodyPublishers.noBody());
		assertProblem(stu.get("/api/v1/hall/drafts/student-leave"), 404, "resource.not-found");

		JsonNode page = stu.get("/api/v1/hall/applications/forms/student-leave").json();
		assertThat(page.get("form").get("key").asString()).isEqualTo("leave-request");
		assertThat(page.get("promisedDays").asInt()).isEqualTo(2);
		assertThat(page.path("draft").isMissingNode() || page.path("draft").isNull()).isTrue();
		JsonNode name = page.get("prefill").get("applicantName");
		assertThat(name.get("value").asString()).isNotBlank();
		assertThat(name.get("source").asString()).startsWith("profile.");
		assertThat(name.get("authoritative").asBoolean()).isTrue();
		assertProblem(as("fac001").get("/api/v1/hall/applications/forms/student-leave"), 404, "resource.not-found");

		Response saved = stu.putJson("/api/v1/hall/drafts/student-leave", "{\"formData\": {\"reason\": \"草稿事由\"}}");
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(stu.get("/api/v1/hall/drafts/student-leave").json().get("formData").get("reason").asString())
			.isEqualTo("草稿事由");
		assertThat(stu.get("/api/v1/hall/applications/forms/student-leave").json().get("draft").get("formData").get("reason")
			.asString()).isEqualTo("草稿事由");
		assertThat(stu.putJson("/api/v1/hall/drafts/student-leave", "{\"formData\": {\"reason\": \"改过的\"}}").status())
			.isEqualTo(200);
		assertThat(stu.get("/api/v1/hall/drafts/student-leave").json().get("formData").get("reason").asString())
			.isEqualTo("改过的");
		assertProblem(as("grad001").get("/api/v1/hall/drafts/student-leave"), 404, "resource.not-found");
		assertProblem(as("fac001").putJson("/api/v1/hall/drafts/student-leave", "{\"formData\": {}}"), 404,
				"resource.not-found");
		assertProblem(stu.putJson("/api/v1/hall/drafts/student-leave",
				"{\"formData\": {\"reason\": \"%s\"}}".formatted("长".repeat(30_000))), 422, "request.validation");

		assertThat(stu.send("DELETE", "/api/v1/hall/drafts/student-leave", "application/json",
				java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
		assertProblem(stu.get("/api/v1/hall/drafts/student-leave"), 404, "resource.not-found");
	}
}
