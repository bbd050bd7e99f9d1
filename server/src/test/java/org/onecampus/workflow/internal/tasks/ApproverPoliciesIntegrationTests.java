package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.config;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.node;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Approver rules resolved from the demo university when a node is reached, and the empty-approver,
 * applicant-is-approver and repeat-approver policies.
 */
@IntegrationTest
class ApproverPoliciesIntegrationTests {

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

	WorkflowFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
	}

	@Test
	void positionRulesNameTheCounsellorThenTheCollegeHeadOfTheApplicant() {
		String key = fx.publish(model(approver("couns", config("{\"rule\": \"POSITION\", \"position\": \"class-counsellor\"}", null),
				approver("head", config("{\"rule\": \"POSITION\", \"position\": \"college-head\"}", null), "null"))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		assertThat(fx.open(id)).containsExactly("cou001@couns");
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@head");
	}

	@Test
	void levelsUpAndFormFieldRulesResolveWhenTheNodeIsReached() {
		String key = fx.publish(model(approver("mgr", config("{\"rule\": \"LEVELS_UP\", \"levels\": 1}", null),
				approver("picked", config("{\"rule\": \"FORM_FIELD\", \"field\": \"reviewer\"}", null), "null"))));
		UUID id = fx.start(key, "fac001", Map.of("reviewer", fx.person("it001").toString())).id();
		assertThat(fx.open(id)).containsExactly("head001@mgr");
		fx.approve(id, "head001");
		assertThat(fx.open(id)).containsExactly("it001@picked");
	}

	@Test
	void anEmptyApproverIsSkippedRejectedOrHandedToTheProcessAdministrator() {
		String supervisor = "{\"rule\": \"POSITION\", \"position\": \"supervisor\"}";
		String skip = fx.publish(model(approver("none", config(supervisor, "\"emptyPolicy\": \"AUTO_APPROVE\""),
				approver("next", persons(null, fx.person("cou001")), "null"))));
		UUID skipped = fx.start(skip, "stu001", Map.of()).id();
		assertThat(fx.open(skipped)).containsExactly("cou001@next");
		assertThat(fx.actions(skipped)).contains("NO_APPROVER_SKIPPED");

		String reject = fx.publish(model(approver("none", config(supervisor, "\"emptyPolicy\": \"REJECT\""), "null")));
		UUID rejected = fx.start(reject, "stu001", Map.of()).id();
		assertThat(fx.status(rejected)).isEqualTo("REJECTED");
		assertThat(fx.open(rejected)).isEmpty();

		String admin = fx.publish(model(approver("none", config(supervisor, "\"emptyPolicy\": \"PROCESS_ADMIN\""), "null")));
		UUID handed = fx.start(admin, "stu001", Map.of()).id();
		assertThat(fx.open(handed)).containsExactly("admin@none");
	}

	@Test
	void anApplicantWhoIsTheApproverIsSkippedSelfApprovedOrSentToTheSuperior() {
		UUID fac = fx.person("fac001");
		UUID cou = fx.person("cou001");
		String skip = fx.publish(model(approver("n", persons("\"multi\": \"ALL\", \"selfPolicy\": \"SKIP\"", fac, cou), "null")));
		assertThat(fx.open(fx.start(skip, "fac001", Map.of()).id())).containsExactly("cou001@n");

		String self = fx.publish(model(approver("n", persons("\"selfPolicy\": \"SELF_APPROVE\"", fac),
				approver("after", persons(null, cou), "null"))));
		UUID selfApproved = fx.start(self, "fac001", Map.of()).id();
		assertThat(fx.open(selfApproved)).containsExactly("cou001@after");
		assertThat(fx.actions(selfApproved)).contains("AUTO_APPROVED");

		String superior = fx.publish(model(approver("n", persons("\"selfPolicy\": \"SUPERIOR\"", fac), "null")));
		assertThat(fx.open(fx.start(superior, "fac001", Map.of()).id())).containsExactly("head001@n");
	}

	@Test
	void approveOnceCompletesTheLaterTaskOfTheSamePersonWithANote() {
		UUID cou = fx.person("cou001");
		String key = fx.publish(model(approver("first", persons(null, cou), approver("again",
				persons("\"repeatPolicy\": \"ONCE\"", cou), approver("last", persons(null, fx.person("head001")), "null")))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
		assertThat(jdbc.sql("select details->>'reason' from workflow_action where instance_id = :i and action = 'AUTO_APPROVED'")
			.param("i", id).query(String.class).single()).isEqualTo("APPROVED_BEFORE");
	}

	@Test
	void theApplicantChoosesApproversAtSubmitAndThePreviousApproverForTheNextNode() {
		String key = fx.publish(model(approver("chosen", config("{\"rule\": \"APPLICANT_CHOOSES\"}", null),
				approver("picked", config("{\"rule\": \"PREVIOUS_CHOOSES\"}", null), "null"))));
		assertThatThrownBy(() -> fx.start(key, "stu001", Map.of())).isInstanceOf(PlatformException.class)
			.satisfies(ex -> assertThat(((PlatformException) ex).fieldProblems()).extracting(PlatformException.FieldProblem::field)
				.containsExactly("assignees.chosen"));
		UUID id = runtime.start(key, fx.person("stu001"), Map.of(), Map.of("chosen", List.of(fx.person("cou001"))), null).id();
		assertThat(fx.open(id)).containsExactly("cou001@chosen");
		TaskRecord task = instances.openTasks(id).get(0);
		runtime.approve(task.id(), fx.person("cou001"), new InstanceRuntime.Decision(null, null, null,
				Map.of("picked", List.of(fx.person("it001")))));
		assertThat(fx.open(id)).containsExactly("it001@picked");
	}

	/**
	 * A multi-person node keeps the approvers it was created with: when the position's holders leave while
	 * the node waits, the approvals still due are neither dropped (the engine used to ask the rule again on
	 * every approval and leave the node as empty) nor shifted in a sequence.
	 */
	@Test
	void aMultiPersonNodeKeepsItsApproversWhenThePositionHoldersLeaveMeanwhile() {
		for (String multi : List.of("ALL", "SEQUENTIAL")) {
			UUID unit = jdbc.sql("select id from identity_org_unit order by code limit 1").query(UUID.class).single();
			List<UUID> positions = List.of(position("cou001", unit), position("head001", unit));
			String key = fx.publish(model(approver("board", config("{\"rule\": \"POSITION\", \"position\": \"CLASS_ADVISOR@"
					+ unit + "\"}", "\"multi\": \"" + multi + "\""), approver("next", persons(null, fx.person("it001")), "null"))));
			UUID id = fx.start(key, "stu001", Map.of()).id();
			List<String> first = fx.open(id);
			assertThat(first).as(multi).hasSize("ALL".equals(multi) ? 2 : 1);
			jdbc.sql("update identity_position set end_date = current_date - 1 where id in (:ids)").param("ids", positions)
				.update();
			String approver = first.get(0).substring(0, first.get(0).indexOf('@'));
			String other = "cou001".equals(approver) ? "head001" : "cou001";
			fx.approve(id, approver);
			assertThat(fx.open(id)).as(multi).containsExactly(other + "@board");
			fx.approve(id, other);
			assertThat(fx.open(id)).as(multi).containsExactly("it001@next");
			assertThat(fx.actions(id)).as(multi).doesNotContain("NO_APPROVER_SKIPPED");
		}
	}

	private UUID position(String username, UUID unit) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_position (id, person_id, org_unit_id, kind, start_date)
				values (:id, :person, :unit, 'CLASS_ADVISOR', current_date - 10)""")
			.param("id", id).param("person", fx.person(username)).param("unit", unit).update();
		return id;
	}

	@Test
	void ccRecipientsAreRecordedOnce() {
		UUID cou = fx.person("cou001");
		String cc = config("{\"rule\": \"PERSONS\", \"persons\": [\"" + cou + "\", \"" + cou + "\"]}", null);
		String key = fx.publish(model(node("cc1", "CC", cc, node("cc2", "CC", cc,
				approver("n", persons(null, fx.person("head001")), "null")))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		assertThat(jdbc.sql("select count(*) from workflow_cc where instance_id = :i").param("i", id).query(Long.class)
			.single()).isEqualTo(1);
		assertThat(fx.actions(id)).containsSubsequence("SUBMITTED", "CC", "CC");
	}
}
