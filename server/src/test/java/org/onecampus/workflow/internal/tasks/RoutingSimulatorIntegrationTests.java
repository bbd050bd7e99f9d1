package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branch;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branches;
import static org.onecampus.workflow.internal.tasks.SimpleModels.config;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/** The routing simulator over HTTP, on the demo processes and on drafts built to show each finding. */
@IntegrationTest
class RoutingSimulatorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	PersonDirectory directory;

	final JsonMapper json = JsonMapper.builder().build();

	UUID stu;

	UUID fac;

	UUID cou;

	UUID head;

	@BeforeEach
	void demoPersons() {
		stu = person("stu001");
		fac = person("fac001");
		cou = person("cou001");
		head = person("head001");
	}

	UUID person(String username) {
		return directory.personIdByUsername(username).orElseThrow();
	}

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	/** Saves a draft (never published) administered by admin; returns its key. */
	String draft(String model, String bpmnXml) {
		String key = "sim-" + System.nanoTime() % 1_000_000_000L;
		definitions.create(key, new ProcessDraft(Map.of("zh-CN", "模拟流程"), null, null, null, List.of(person("admin")),
				null, model == null ? null : json.readTree(model), bpmnXml), person("admin"));
		return key;
	}

	JsonNode simulate(ApiClient client, String path, String body) {
		Response response = client.postJson("/api/v1/workflow/processes/" + path, body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The node result of the first simulated applicant. */
	static JsonNode node(JsonNode simulation, String nodeId) {
		for (JsonNode node : simulation.get("applicants").get(0).get("nodes")) {
			if (node.get("nodeId").asString().equals(nodeId)) {
				return node;
			}
		}
		throw new AssertionError("no node " + nodeId + " in " + simulation);
	}

	static List<String> approvers(JsonNode node) {
		List<String> numbers = new ArrayList<>();
		node.get("approvers").forEach(a -> numbers.add(a.get("id").asString()));
		return numbers;
	}

	static List<String> flags(JsonNode node) {
		List<String> codes = new ArrayList<>();
		node.get("flags").forEach(f -> codes.add(f.get("code").asString()));
		return codes;
	}

	static String message(JsonNode node, String code) {
		for (JsonNode flag : node.get("flags")) {
			if (flag.get("code").asString().equals(code)) {
				return flag.get("message").asString();
			}
		}
		throw new AssertionError("no flag " + code + " in " + node);
	}

	String applicants(UUID... ids) {
		return "[" + String.join(",", java.util.Arrays.stream(ids).map(id -> "\"" + id + "\"").toList()) + "]";
	}

	@Test
	void theDemoStudentLeaveGoesToTheCounsellorAndTheLongBranchDependsOnTheDays() {
		ApiClient admin = as("admin");
		JsonNode noData = simulate(admin, "student-leave/simulations?version=1",
				"{\"applicants\": " + applicants(stu) + "}");
		JsonNode counsellor = node(noData, "counsellor");
		assertThat(counsellor.get("status").asString()).isEqualTo("REACHED");
		assertThat(approvers(counsellor)).containsExactly(cou.toString());
		assertThat(counsellor.get("approvers").get(0).get("name").asString()).isNotBlank();
		assertThat(counsellor.get("approvers").get(0).get("unit").asString()).isNotBlank();
		JsonNode longLeave = node(noData, "college_head");
		assertThat(longLeave.get("status").asString()).isEqualTo("DEPENDS_ON_DATA");
		assertThat(approvers(longLeave)).containsExactly(head.toString());

		String longBody = "{\"applicants\": " + applicants(stu) + ", \"formData\": {\"days\": 5}}";
		assertThat(node(simulate(admin, "student-leave/simulations?version=1", longBody), "college_head").get("status")
			.asString()).isEqualTo("REACHED");
		String shortBody = "{\"applicants\": " + applicants(stu) + ", \"formData\": {\"days\": 1}}";
		JsonNode shortLeave = node(simulate(admin, "student-leave/simulations?version=1", shortBody), "college_head");
		assertThat(shortLeave.get("status").asString()).isEqualTo("NOT_TAKEN");
		assertThat(shortLeave.get("approvers")).isEmpty();
	}

	@Test
	void withoutApplicantsOneSampleOfEachAdmittedTypeIsChosenTheSameWayEachTime() {
		ApiClient admin = as("admin");
		JsonNode first = simulate(admin, "leave/simulations?version=1", "{}");
		JsonNode again = simulate(admin, "leave/simulations?version=1", "");
		List<String> types = new ArrayList<>();
		first.get("applicants").forEach(a -> types.add(a.get("sampledAs").asString()));
		assertThat(types).isNotEmpty().doesNotHaveDuplicates();
		assertThat(types).isSubsetOf("UNDERGRADUATE", "POSTGRADUATE", "PHD").startsWith("UNDERGRADUATE");
		first.get("applicants").forEach(a -> assertThat(a.get("applicant").get("number").asString()).isNotBlank());
		assertThat(again.get("applicants")).isEqualTo(first.get("applicants"));
		assertThat(first.get("nodes")).hasSize(2);
	}

	@Test
	void anEmptyApproverSetSaysWhatTheEmptyPolicyDoes() {
		String key = draft(model(approver("sup", config("{\"rule\": \"POSITION\", \"position\": \"supervisor\"}",
				"\"emptyPolicy\": \"REJECT\""), "null")), null);
		JsonNode sup = node(simulate(as("admin"), key + "/simulations", "{\"applicants\": " + applicants(stu) + "}"), "sup");
		assertThat(flags(sup)).containsExactly("EMPTY");
		assertThat(message(sup, "EMPTY")).contains("驳回");
		JsonNode english = node(simulate(as("admin").language("en-US"), key + "/simulations",
				"{\"applicants\": " + applicants(stu) + "}"), "sup");
		assertThat(message(english, "EMPTY")).contains("rejects the application");
	}

	@Test
	void theApplicantAsApproverIsFlaggedAndTheSuperiorPolicyIsApplied() {
		String key = draft(model(approver("self", persons("\"selfPolicy\": \"SKIP\"", stu, fac),
				approver("self_sup", persons("\"selfPolicy\": \"SUPERIOR\"", stu), "null"))), null);
		JsonNode simulation = simulate(as("admin"), key + "/simulations", "{\"applicants\": " + applicants(stu) + "}");
		JsonNode skip = node(simulation, "self");
		assertThat(flags(skip)).contains("SELF");
		assertThat(approvers(skip)).containsExactly(fac.toString());
		assertThat(message(skip, "SELF")).contains("跳过");
		JsonNode superior = node(simulation, "self_sup");
		assertThat(flags(superior)).contains("SELF");
		assertThat(approvers(superior)).doesNotContain(stu.toString());
	}

	@Test
	void theSamePersonAtTwoNodesIsADuplicateWithTheRepeatPolicy() {
		String key = draft(model(approver("first", persons(null, fac),
				approver("second", persons("\"repeatPolicy\": \"ONCE\"", fac, cou), "null"))), null);
		JsonNode simulation = simulate(as("admin"), key + "/simulations", "{\"applicants\": " + applicants(stu) + "}");
		assertThat(flags(node(simulation, "first"))).isEmpty();
		JsonNode second = node(simulation, "second");
		assertThat(flags(second)).containsExactly("DUPLICATE");
		assertThat(message(second, "DUPLICATE")).contains("first").contains("自动通过");
	}

	@Test
	void aConditionIsDecidedByTheDataOrFollowedBothWays() {
		String key = draft(model(branches("cond", "CONDITION", "null",
				branch("big", "amount > 1000", approver("head", persons(null, head), "null")),
				branch("small", null, approver("couns", persons(null, cou), "null")))), null);
		ApiClient admin = as("admin");
		String who = "\"applicants\": " + applicants(stu);
		JsonNode both = simulate(admin, key + "/simulations", "{" + who + "}");
		assertThat(node(both, "head").get("status").asString()).isEqualTo("DEPENDS_ON_DATA");
		assertThat(node(both, "couns").get("status").asString()).isEqualTo("DEPENDS_ON_DATA");
		JsonNode big = simulate(admin, key + "/simulations", "{" + who + ", \"formData\": {\"amount\": 5000}}");
		assertThat(node(big, "head").get("status").asString()).isEqualTo("REACHED");
		assertThat(node(big, "couns").get("status").asString()).isEqualTo("NOT_TAKEN");
		JsonNode small = simulate(admin, key + "/simulations", "{" + who + ", \"formData\": {\"amount\": 10}}");
		assertThat(node(small, "head").get("status").asString()).isEqualTo("NOT_TAKEN");
		assertThat(node(small, "couns").get("status").asString()).isEqualTo("REACHED");
	}

	@Test
	void aBpmnLoopAndAnUnreachableNodeAreReported() {
		String task = "<bpmn:userTask id=\"%s\" name=\"%s\" onecampus:config=\"{&quot;assignee&quot;: {&quot;rule&quot;: "
				+ "&quot;PERSONS&quot;, &quot;persons&quot;: [&quot;%s&quot;]}, &quot;repeatPolicy&quot;: &quot;ONCE&quot;}\"/>";
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:onecampus="https://onecampus.org/schema/bpmn" targetNamespace="https://onecampus.org/t">
				  <bpmn:process id="loop" isExecutable="true">
				    <bpmn:startEvent id="s"/>
				    %s
				    %s
				    <bpmn:exclusiveGateway id="gw" default="done"/>
				    <bpmn:endEvent id="e"/>
				    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="review"/>
				    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="gw"/>
				    <bpmn:sequenceFlow id="again" sourceRef="gw" targetRef="review" onecampus:condition="redo == true"/>
				    <bpmn:sequenceFlow id="done" sourceRef="gw" targetRef="e"/>
				    <bpmn:sequenceFlow id="f3" sourceRef="lost" targetRef="e"/>
				  </bpmn:process>
				</bpmn:definitions>""".formatted(task.formatted("review", "审核", cou), task.formatted("lost", "孤立", fac));
		String key = draft(null, xml);
		JsonNode simulation = simulate(as("admin"), key + "/simulations", "{\"applicants\": " + applicants(stu) + "}");
		List<String> modelFlags = new ArrayList<>();
		simulation.get("flags").forEach(f -> modelFlags.add(f.get("code").asString()));
		assertThat(modelFlags).containsExactlyInAnyOrder("LOOP", "UNREACHABLE");
		JsonNode review = node(simulation, "review");
		assertThat(flags(review)).containsExactly("LOOP");
		assertThat(approvers(review)).containsExactly(cou.toString());
		JsonNode lost = node(simulation, "lost");
		assertThat(lost.get("status").asString()).isEqualTo("UNREACHABLE");
		assertThat(flags(lost)).containsExactly("UNREACHABLE");
	}

	@Test
	void onlyDesignersAndProcessAdministratorsSimulate() {
		assertProblem(as("stu001").postJson("/api/v1/workflow/processes/leave/simulations", "{}"), 404,
				"resource.not-found");
		assertProblem(as("admin").postJson("/api/v1/workflow/processes/no-such-process/simulations", "{}"), 404,
				"resource.not-found");
	}

	@Test
	void theSimulationEndpointIsInTheOpenApiDocument() {
		Response docs = as("admin").get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/workflow/processes/{key}/simulations");
	}
}
