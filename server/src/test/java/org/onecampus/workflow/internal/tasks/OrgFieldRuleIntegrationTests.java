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
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.config;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;

/**
 * The {@code ORG_FIELD} approver rule: the holders of a position kind at the org unit an org field of the form names
 * ("the head of the unit paying for the trip"), on the demo university; its validation when a process is published,
 * and the routing simulator.
 */
@IntegrationTest
class OrgFieldRuleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	WorkflowFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
	}

	UUID unit(String code) {
		return jdbc.sql("select id from identity_org_unit where code = :c").param("c", code).query(UUID.class).single();
	}

	/** The username of the one current holder of the position at the demo unit. */
	String holder(String kind, String code) {
		return jdbc.sql("""
				select a.username from identity_position p join identity_org_unit o on o.id = p.org_unit_id
				join identity_account a on a.person_id = p.person_id
				where o.code = :c and p.kind = :k and p.start_date <= current_date
				  and (p.end_date is null or p.end_date >= current_date)""")
			.param("c", code).param("k", kind).query(String.class).single();
	}

	static String orgField(String field, String kind, String extra) {
		return config("{\"rule\": \"ORG_FIELD\", \"field\": \"" + field + "\", \"kind\": \"" + kind + "\"}", extra);
	}

	@Test
	void theHeadOfTheUnitInTheFormApprovesWhicheverUnitTheApplicantIsIn() {
		// fac001 is in 计算机学院; the trip is paid by 数学科学学院, so its head approves, not head001.
		String key = fx.publish(model(approver("funding", orgField("fundingUnit", "HEAD", null),
				approver("deputy", orgField("fundingUnit", "DEPUTY_HEAD", null), "null"))));
		UUID id = fx.start(key, "fac001", Map.of("fundingUnit", unit("MATH").toString())).id();
		assertThat(fx.open(id)).containsExactly(holder("HEAD", "MATH") + "@funding");
		assertThat(holder("HEAD", "MATH")).isNotEqualTo("head001");
		fx.approve(id, holder("HEAD", "MATH"));
		assertThat(fx.open(id)).containsExactly(holder("DEPUTY_HEAD", "MATH") + "@deputy");
	}

	@Test
	void severalUnitsInTheFieldGiveTheHoldersOfEachAndANonUnitValueGivesNobody() {
		String key = fx.publish(model(approver("heads", orgField("units", "HEAD", "\"multi\": \"ALL\""), "null")));
		UUID both = fx.start(key, "fac001", Map.of("units", List.of(unit("MATH").toString(), unit("FIN").toString()))).id();
		assertThat(fx.open(both)).containsExactlyInAnyOrder(holder("HEAD", "MATH") + "@heads",
				holder("HEAD", "FIN") + "@heads");

		// Not an org unit id (a person id, free text): nobody holds the position, so the empty policy applies.
		String handed = fx.publish(model(approver("heads", orgField("units", "HEAD", "\"emptyPolicy\": \"PROCESS_ADMIN\""),
				"null")));
		UUID person = fx.start(handed, "fac001", Map.of("units", fx.person("head001").toString())).id();
		assertThat(fx.open(person)).containsExactly("admin@heads");
		String skipped = fx.publish(model(approver("heads", orgField("units", "HEAD", "\"emptyPolicy\": \"AUTO_APPROVE\""),
				approver("after", orgField("units", "OFFICE_STAFF", null), "null"))));
		UUID text = fx.start(skipped, "fac001", Map.of("units", "数学科学学院")).id();
		assertThat(fx.actions(text)).contains("NO_APPROVER_SKIPPED");
	}

	@Test
	void everyOfficeStaffMemberOfTheUnitGetsTheTaskAndHearsOfIt() {
		// 财务处 has many OFFICE_STAFF: the task ids of one node are longer together than a messaging key may be
		String key = fx.publish(model(approver("staff", orgField("fundingUnit", "OFFICE_STAFF", null), "null")));
		java.sql.Timestamp before = jdbc.sql("select clock_timestamp()").query(java.sql.Timestamp.class).single();
		UUID id = fx.start(key, "fac001", Map.of("fundingUnit", unit("FIN").toString())).id();
		List<TaskRecord> tasks = instances.openTasks(id);
		assertThat(tasks).hasSizeGreaterThan(4);
		assertThat(String.join(",", tasks.stream().map(TaskRecord::id).toList())).hasSizeGreaterThan(128);
		String notified = """
				select count(distinct d.person_id) from messaging_delivery d join messaging_message m on m.id = d.message_id
				where m.sender = 'module:workflow' and m.template_code = 'todo-assigned' and d.person_id = any(:p)
				  and m.created_at >= :before""";
		UUID[] assignees = tasks.stream().map(TaskRecord::assigneeId).toArray(UUID[]::new);
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(notified)
			.param("p", assignees).param("before", before).query(Long.class).single() == assignees.length);
		assertThat(WorkflowNotifications.taskKey(tasks.stream().map(TaskRecord::id).toList())).hasSizeLessThan(128)
			.isEqualTo(WorkflowNotifications.taskKey(tasks.stream().map(TaskRecord::id).toList()));
	}

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	Response publishDraft(ApiClient client, String model) {
		String key = "orgfield-" + System.nanoTime() % 1_000_000_000L;
		Response created = client.postJson("/api/v1/workflow/processes",
				"{\"key\": \"" + key + "\", \"name\": {\"zh-CN\": \"经费单位审批\"}, \"model\": " + model + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return client.postJson("/api/v1/workflow/processes/" + key + "/versions", "");
	}

	static Map<String, String> errors(Response response) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		response.json().get("errors").forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
		return errors;
	}

	@Test
	void aRuleWithoutFieldOrWithoutAKnownPositionKindIsRefusedPerNodeInTheCallersLanguage() {
		String model = model(approver("no_field", config("{\"rule\": \"ORG_FIELD\", \"kind\": \"HEAD\"}", null),
				approver("no_kind", config("{\"rule\": \"ORG_FIELD\", \"field\": \"fundingUnit\"}", null),
						approver("bad_kind", orgField("fundingUnit", "BOSS", null),
								approver("lower_kind", orgField("fundingUnit", "head", null),
										approver("fine", orgField("fundingUnit", "OFFICE_STAFF", null), "null"))))));
		Response chinese = publishDraft(as("admin"), model);
		assertProblem(chinese, 422, "workflow.model-invalid");
		assertThat(errors(chinese)).containsOnlyKeys("no_field", "no_kind", "bad_kind", "lower_kind");
		assertThat(errors(chinese).get("no_kind")).contains("组织机构字段");
		Response english = publishDraft(as("admin").language("en-US"), model);
		assertProblem(english, 422, "workflow.model-invalid");
		assertThat(errors(english).get("bad_kind")).contains("org field of the form");
	}

	JsonNode simulate(String key, UUID applicant, String formData) {
		Response response = as("admin").postJson("/api/v1/workflow/processes/" + key + "/simulations",
				"{\"applicants\": [\"" + applicant + "\"], \"formData\": " + formData + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode node : response.json().get("applicants").get(0).get("nodes")) {
			if ("funding".equals(node.get("nodeId").asString())) {
				return node;
			}
		}
		throw new AssertionError("no node funding in " + response.body());
	}

	@Test
	void theSimulatorNamesTheHeadsOfTheUnitInTheDataAndFlagsAMissingField() {
		String key = "orgfield-sim-" + System.nanoTime() % 1_000_000_000L;
		definitions.create(key, new ProcessDraft(Map.of("zh-CN", "模拟流程"), null, null, null, List.of(fx.person("admin")),
				null, json.readTree(model(approver("funding", orgField("fundingUnit", "HEAD",
						"\"emptyPolicy\": \"PROCESS_ADMIN\""), "null"))), null), fx.person("admin"));
		UUID fac = fx.person("fac001");

		JsonNode given = simulate(key, fac, "{\"fundingUnit\": \"" + unit("MATH") + "\"}");
		List<String> approvers = new ArrayList<>();
		given.get("approvers").forEach(a -> approvers.add(a.get("id").asString()));
		assertThat(approvers).containsExactly(fx.person(holder("HEAD", "MATH")).toString());
		assertThat(given.get("flags")).isEmpty();

		JsonNode missing = simulate(key, fac, "{}");
		List<String> flags = new ArrayList<>();
		missing.get("flags").forEach(f -> flags.add(f.get("code").asString()));
		assertThat(flags).containsExactly("FIELD_MISSING", "EMPTY");
		assertThat(missing.get("flags").get(0).get("message").asString()).contains("fundingUnit");
	}
}
