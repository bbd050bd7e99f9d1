package org.onecampus.hall.internal.todo;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

/**
 * Campus systems push, change, complete and withdraw their own to-dos with client-credentials tokens
 * (seed 004 一网通办 item 10); each to-do opens its system through single sign-on.
 */
@IntegrationTest
class ExternalTodoApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static String push(String title, String assignee, String link) {
		return """
				{"title": {"zh-CN": "%s", "en-US": "Contract review"}, "assignee": %s, "deepLink": "%s",
				 "category": "合同", "priority": "HIGH", "dueAt": "2026-12-31T09:00:00Z",
				 "createdAt": "2026-11-24T08:00:00Z", "applicantName": "张伟"}""".formatted(title, assignee, link);
	}

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	JsonNode todoCentreItem(ApiClient person, String title) {
		String query = java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8);
		for (JsonNode item : person.get("/api/v1/hall/todos?scope=todo&source=demo-system&size=100&q=" + query).json()
			.get("items")) {
			if (item.get("title").get("zh-CN").asString().equals(title)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void aSystemWithTheScopeCreatesAToDoOnceHoweverOftenItPushesAndTheAssigneeIsTold() {
		ApiClient system = PushingSystems.demoSystem(port, "hall.todo");
		String id = PushingSystems.uniqueId("contract");
		String title = "合同审核 " + id;
		String body = push(title, "{\"username\": \"cou001\"}", "http://localhost:9998/contracts/" + id);

		Response created = system.putJson("/api/v1/hall/external-todos/demo-system/" + id, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/v1/hall/external-todos/demo-system/" + id);
		assertThat(created.json().get("openUrl").asString()).isEqualTo("http://localhost:9998/contracts/" + id);
		assertThat(created.json().get("assignee").asString()).isEqualTo("username:cou001");
		Response again = system.putJson("/api/v1/hall/external-todos/demo-system/" + id, body);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("updatedAt")).isEqualTo(created.json().get("updatedAt"));

		ApiClient cou = as("cou001");
		JsonNode item = todoCentreItem(cou, title);
		assertThat(item).isNotNull();
		assertThat(item.get("kind").asString()).isEqualTo("EXTERNAL");
		assertThat(item.get("sourceName").get("zh-CN").asString()).isEqualTo("示例校园系统");
		assertThat(item.get("priority").asString()).isEqualTo("HIGH");
		assertThat(cou.get("/api/v1/hall/todos?scope=todo&size=100&q=" + id).json().get("total").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.external-todo.pushed' and target = ?")
			.param("external-todo:demo-system/" + id).query(Long.class).single()).isEqualTo(1);
		Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(cou.get("/api/v1/messaging/inbox?size=50").body()).contains("示例校园系统 · " + title));
	}

	@Test
	void aChangedPushUpdatesTheToDoAndCanHandItToAPersonNamedByStudentNumber() {
		ApiClient system = PushingSystems.demoSystem(port, "hall.todo");
		String id = PushingSystems.uniqueId("move");
		String path = "/api/v1/hall/external-todos/demo-system/" + id;
		assertThat(system.putJson(path, push("转交前 " + id, "{\"username\": \"cou001\"}", "http://localhost:9998/x"))
			.status()).isEqualTo(201);
		String number = jdbc.sql("""
				select f.identifier from identity_affiliation f join identity_account a on a.person_id = f.person_id
				where a.username = 'stu001' and f.identifier is not null and f.status = 'ACTIVE' limit 1""")
			.query(String.class).single();

		Response moved = system.putJson(path, push("转交后 " + id, "{\"identifier\": \"" + number + "\"}",
				"http://localhost:9998/x"));

		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(todoCentreItem(as("stu001"), "转交后 " + id)).isNotNull();
		assertThat(as("cou001").get("/api/v1/hall/todos?scope=todo&size=100").body()).doesNotContain(id);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.external-todo.changed' and target = ?")
			.param("external-todo:demo-system/" + id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aLinkIntoACasAppOfTheSameDepartmentOpensThroughCasLogin() {
		ApiClient system = PushingSystems.demoSystem(port, "hall.todo");
		String id = PushingSystems.uniqueId("cas");
		Response created = system.putJson("/api/v1/hall/external-todos/demo-system/" + id,
				push("公文 " + id, "{\"username\": \"cou001\"}", "http://localhost:9999/docs/" + id + "?tab=sign"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("openUrl").asString()).isEqualTo(
				"/cas/login?service=http%3A%2F%2Flocalhost%3A9999%2Fdocs%2F" + id + "%3Ftab%3Dsign");
	}

	@Test
	void anotherSystemCanNeitherSeeNorTouchTheToDo() {
		ApiClient owner = PushingSystems.demoSystem(port, "hall.todo");
		String id = PushingSystems.uniqueId("mine");
		String path = "/api/v1/hall/external-todos/demo-system/" + id;
		assertThat(owner.putJson(path, push("私有 " + id, "{\"username\": \"cou001\"}", "http://localhost:9998/a"))
			.status()).isEqualTo(201);
		ApiClient other = PushingSystems.newSystem(port, PushingSystems.uniqueId("other"));

		assertProblem(other.get(path), 404, "resource.not-found");
		assertProblem(other.putJson(path, push("篡改", "{\"username\": \"cou001\"}", "http://localhost:9998/a")), 404,
				"resource.not-found");
		assertProblem(other.send("DELETE", path, null, java.net.http.HttpRequest.BodyPublishers.noBody()), 404,
				"resource.not-found");
		assertProblem(other.postJson(path + "/completion", "{}"), 404, "resource.not-found");
		assertThat(other.get("/api/v1/hall/external-todos?size=100").json().get("total").asLong()).isZero();
		assertThat(owner.get(path).json().get("title").get("zh-CN").asString()).isEqualTo("私有 " + id);
	}

	@Test
	void withoutTheScopeOrWithAPersonsSessionNothingIsPushed() {
		String path = "/api/v1/hall/external-todos/demo-system/" + PushingSystems.uniqueId("noscope");
		String body = push("无权限", "{\"username\": \"cou001\"}", "http://localhost:9998/a");
		Response refused = PushingSystems.demoSystem(port, "messaging.send").putJson(path, body);
		assertProblem(refused, 403, "auth.forbidden");
		assertThat(as("cou001").putJson(path, body).status()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndAnUnknownAssigneeIsNotFound() {
		ApiClient system = PushingSystems.demoSystem(port, "hall.todo").language("en-US");
		String path = "/api/v1/hall/external-todos/demo-system/" + PushingSystems.uniqueId("bad");

		Response invalid = system.putJson(path, """
				{"title": {"en-US": "x"}, "assignee": {"username": "cou001", "identifier": "2026"},
				 "deepLink": "https://evil.example.com/phish", "priority": "SOON"}""");
		assertProblem(invalid, 422, "request.validation");
		assertThat(invalid.json().get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("title.zh-CN", "assignee", "deepLink", "priority");
		assertProblem(system.putJson(path, push("坏链接", "{\"username\": \"cou001\"}", "javascript:alert(1)")), 422,
				"request.validation");

		Response unknown = system.putJson(path, push("查无此人", "{\"username\": \"nobody-here\"}", "http://localhost:9998/a"));
		assertProblem(unknown, 404, "hall.todo.assignee-unknown");
		assertThat(system.get(path).status()).isEqualTo(404);
	}

	@Test
	void aWithdrawnToDoLeavesTheCentreAndACompletedOneMovesToDone() {
		ApiClient system = PushingSystems.demoSystem(port, "hall.todo");
		String gone = PushingSystems.uniqueId("gone");
		String done = PushingSystems.uniqueId("done");
		String base = "/api/v1/hall/external-todos/demo-system/";
		system.putJson(base + gone, push("撤回 " + gone, "{\"username\": \"cou001\"}", "http://localhost:9998/a"));
		system.putJson(base + done, push("办结 " + done, "{\"username\": \"cou001\"}", "http://localhost:9998/b"));
		ApiClient cou = as("cou001");
		assertThat(todoCentreItem(cou, "撤回 " + gone)).isNotNull();

		assertThat(system.send("DELETE", base + gone, null, java.net.http.HttpRequest.BodyPublishers.noBody()).status())
			.isEqualTo(204);
		Response completed = system.postJson(base + done + "/completion", "{}");

		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.json().get("status").asString()).isEqualTo("DONE");
		assertThat(todoCentreItem(cou, "撤回 " + gone)).isNull();
		assertThat(todoCentreItem(cou, "办结 " + done)).isNull();
		assertThat(system.get(base + gone).status()).isEqualTo(404);
		assertThat(cou.get("/api/v1/hall/todos?scope=done&source=demo-system&size=100").body()).contains("办结 " + done)
			.doesNotContain("撤回 " + gone);
		assertThat(system.get("/api/v1/hall/external-todos?status=DONE&size=100").body()).contains(done);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'hall.external-todo.withdrawn' and target = ?")
			.param("external-todo:demo-system/" + gone).query(Long.class).single()).isEqualTo(1);
	}
}
