package org.onecampus.hall.internal.todo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * The to-do centre merges a person's workflow tasks with the to-dos systems pushed to them, and shows
 * nobody else either.
 */
@IntegrationTest
class TodoCentreIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	String startLeave(ApiClient student, String reason) {
		Response started = student.postJson("/api/v1/workflow/instances", """
				{"processKey": "student-leave", "formData": {"leaveType": "personal", "period": ["2026-12-14", "2026-12-15"],
				 "reason": "%s", "leavesCampus": "no"}}""".formatted(reason));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.json().get("id").asString();
	}

	void pushTo(String username, String id, String title) {
		Response pushed = PushingSystems.demoSystem(port, "hall.todo").putJson("/api/v1/hall/external-todos/demo-system/" + id,
				"""
						{"title": {"zh-CN": "%s"}, "assignee": {"username": "%s"}, "deepLink": "http://localhost:9998/todo/%s",
						 "category": "报销", "applicantName": "李娜"}""".formatted(title, username, id));
		assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
	}

	static List<JsonNode> items(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		response.json().get("items").forEach(items::add);
		return items;
	}

	static java.util.Optional<JsonNode> ofInstance(List<JsonNode> items, String instanceId) {
		return items.stream().filter(i -> instanceId.equals(i.path("instanceId").asString(""))).findFirst();
	}

	static boolean hasInstance(List<JsonNode> items, String instanceId) {
		return ofInstance(items, instanceId).isPresent();
	}

	static boolean hasTitle(List<JsonNode> items, String title) {
		return items.stream().anyMatch(i -> title.equals(i.get("title").get("zh-CN").asString()));
	}

	@Test
	void theToDoListShowsAWorkflowTaskAndAPushedToDoOfThePersonAndAnotherPersonSeesNeither() {
		String instance = startLeave(as("stu001"), "参加亲属婚礼");
		String id = PushingSystems.uniqueId("merge");
		String title = "报销审核 " + id;
		pushTo("cou001", id, title);

		ApiClient cou = as("cou001");
		List<JsonNode> todo = items(cou.get("/api/v1/hall/todos?scope=todo&size=100"));
		assertThat(hasInstance(todo, instance)).isTrue();
		assertThat(hasTitle(todo, title)).isTrue();
		JsonNode task = ofInstance(todo, instance).orElseThrow();
		assertThat(task.get("kind").asString()).isEqualTo("WORKFLOW");
		assertThat(task.get("taskId").asString()).isNotBlank();
		assertThat(task.get("source").asString()).isEqualTo("workflow");
		assertThat(todo).isSortedAccordingTo((a, b) -> b.get("at").asString().compareTo(a.get("at").asString()));

		for (String other : List.of("fac001", "grad001")) {
			List<JsonNode> theirs = items(as(other).get("/api/v1/hall/todos?scope=todo&size=100"));
			assertThat(hasInstance(theirs, instance)).as(other).isFalse();
			assertThat(hasTitle(theirs, title)).as(other).isFalse();
		}
	}

	@Test
	void filtersPickTheSourceTheKindAndAKeywordInTheTitleOrTheApplicantsName() {
		String instance = startLeave(as("stu001"), "去医院看病复诊");
		String id = PushingSystems.uniqueId("filter");
		String title = "设备采购 " + id;
		pushTo("cou001", id, title);
		ApiClient cou = as("cou001");

		List<JsonNode> workflowOnly = items(cou.get("/api/v1/hall/todos?scope=todo&source=workflow&size=100"));
		assertThat(hasInstance(workflowOnly, instance)).isTrue();
		assertThat(workflowOnly).allMatch(i -> i.get("kind").asString().equals("WORKFLOW"));
		List<JsonNode> systemOnly = items(cou.get("/api/v1/hall/todos?scope=todo&source=demo-system&category=报销&size=100"));
		assertThat(hasTitle(systemOnly, title)).isTrue();
		assertThat(systemOnly).allMatch(i -> i.get("kind").asString().equals("EXTERNAL"));
		List<JsonNode> byProcess = items(cou.get("/api/v1/hall/todos?scope=todo&process=student-leave&size=100"));
		assertThat(hasInstance(byProcess, instance)).isTrue();
		assertThat(hasTitle(byProcess, title)).isFalse();

		List<JsonNode> byTitle = items(cou.get("/api/v1/hall/todos?scope=todo&size=100&q=" + id));
		assertThat(byTitle).hasSize(1);
		assertThat(hasTitle(byTitle, title)).isTrue();
		String studentName = ofInstance(items(as("stu001").get("/api/v1/hall/todos?scope=mine&size=100")), instance).orElseThrow()
			.get("applicantName").asString();
		List<JsonNode> byApplicant = items(cou.get("/api/v1/hall/todos?scope=todo&size=100&q="
				+ java.net.URLEncoder.encode(studentName, java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(hasInstance(byApplicant, instance)).isTrue();
		assertThat(hasTitle(byApplicant, title)).isFalse();
		List<JsonNode> tomorrow = items(cou.get("/api/v1/hall/todos?scope=todo&size=100&from=2099-01-01"));
		assertThat(hasInstance(tomorrow, instance)).isFalse();
		assertThat(hasTitle(tomorrow, title)).isFalse();

		JsonNode counts = cou.get("/api/v1/hall/todos/counts?q=" + id).json();
		assertThat(counts.get("todo").asLong()).isEqualTo(1);
		assertThat(counts.get("done").asLong()).isZero();
		JsonNode sources = cou.get("/api/v1/hall/todos/sources").json();
		assertThat(sources.findValuesAsString("code")).contains("workflow", "demo-system");
	}

	@Test
	void mineListsTheInstancesIStartedWithTheirStatusAndDoneAndCcFollowTheTasks() {
		ApiClient stu = as("stu001");
		String instance = startLeave(stu, "回老家探望父母");
		JsonNode mine = ofInstance(items(stu.get("/api/v1/hall/todos?scope=mine&size=100")), instance).orElseThrow();
		assertThat(mine.get("instanceStatus").asString()).isEqualTo("RUNNING");
		assertThat(mine.get("step").get("zh-CN").asString()).isNotBlank();

		ApiClient cou = as("cou001");
		String task = ofInstance(items(cou.get("/api/v1/hall/todos?scope=todo&source=workflow&size=100")), instance)
			.orElseThrow().get("taskId").asString();
		Response batch = cou.postJson("/api/v1/workflow/tasks/batch-approval", "{\"taskIds\": [\"" + task + "\"]}");
		assertThat(batch.status()).as(batch.body()).isEqualTo(200);

		assertThat(hasInstance(items(cou.get("/api/v1/hall/todos?scope=done&size=100")), instance)).isTrue();
		assertThat(hasInstance(items(cou.get("/api/v1/hall/todos?scope=todo&size=100")), instance)).isFalse();
		assertThat(ofInstance(items(stu.get("/api/v1/hall/todos?scope=mine&size=100")), instance).orElseThrow()
			.get("instanceStatus").asString()).isEqualTo("APPROVED");
	}

	@Test
	void anUnknownScopeIsABadRequest() {
		assertProblem(as("cou001").get("/api/v1/hall/todos?scope=everything"), 400, "request.parameter");
	}
}
