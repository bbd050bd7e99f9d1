package org.onecampus.workflow.internal.tasks;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branch;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branches;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/** Every topology of the simple designer compiles, deploys and runs to its end on the embedded engine. */
@IntegrationTest
class ProcessTopologiesIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	WorkflowFixtures fx;

	UUID fac;

	UUID cou;

	UUID head;

	UUID it;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		fac = fx.person("fac001");
		cou = fx.person("cou001");
		head = fx.person("head001");
		it = fx.person("it001");
	}

	@Test
	void aSequentialChainRunsNodeAfterNode() {
		String key = fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		UUID id = fx.start(key, "stu001", Map.of("reason", "回家")).id();
		assertThat(fx.open(id)).containsExactly("fac001@a");
		fx.approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		fx.approve(id, "cou001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
		assertThat(fx.actions(id)).containsExactly("SUBMITTED", "APPROVED", "APPROVED", "APPROVED_END");
	}

	@Test
	void aConditionChoosesTheBranchFromTheFormData() {
		String key = fx.publish(model(branches("cond", "CONDITION", approver("after", persons(null, it), "null"),
				branch("long", "days > 3", approver("head", persons(null, head), "null")),
				branch("short", null, approver("couns", persons(null, cou), "null")))));
		UUID longLeave = fx.start(key, "stu001", Map.of("days", 5)).id();
		UUID shortLeave = fx.start(key, "stu001", Map.of("days", 1)).id();
		assertThat(fx.open(longLeave)).containsExactly("head001@head");
		assertThat(fx.open(shortLeave)).containsExactly("cou001@couns");
		fx.approve(longLeave, "head001");
		assertThat(fx.open(longLeave)).containsExactly("it001@after");
	}

	@Test
	void parallelBranchesJoinBeforeTheNextNode() {
		String key = fx.publish(model(branches("par", "PARALLEL", approver("last", persons(null, head), "null"),
				branch("p1", null, approver("x", persons(null, fac), "null")),
				branch("p2", null, approver("y", persons(null, cou), "null")))));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		assertThat(fx.open(id)).containsExactly("cou001@y", "fac001@x");
		fx.approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@y");
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
	}

	@Test
	void allMustApproveOnACountersignNode() {
		String key = fx.publish(model(approver("all", persons("\"multi\": \"ALL\"", fac, cou, head), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		assertThat(fx.open(id)).containsExactly("cou001@all", "fac001@all", "head001@all");
		fx.approve(id, "fac001");
		fx.approve(id, "cou001");
		assertThat(fx.status(id)).isEqualTo("RUNNING");
		fx.approve(id, "head001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void oneApprovalEndsAnOrSignNodeAndClosesTheOtherTasks() {
		String key = fx.publish(model(approver("any", persons("\"multi\": \"ANY\"", fac, cou, head), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		fx.approve(id, "cou001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
		assertThat(instances.tasks(id)).extracting(TaskRecord::status).containsExactlyInAnyOrder("DONE", "CANCELLED",
				"CANCELLED");
	}

	@Test
	void aRatioNodeNeedsThatShareOfApprovals() {
		String key = fx.publish(model(approver("ratio", persons("\"multi\": \"RATIO\", \"ratio\": 0.6", fac, cou, head),
				"null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		fx.approve(id, "fac001");
		assertThat(fx.status(id)).isEqualTo("RUNNING");
		fx.approve(id, "head001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void aSequentialNodeAsksOnePersonAfterTheOther() {
		String key = fx.publish(model(approver("seq", persons("\"multi\": \"SEQUENTIAL\"", cou, head), "null")));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		assertThat(fx.open(id)).containsExactly("cou001@seq");
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@seq");
		fx.approve(id, "head001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void parallelBranchesNestedInAConditionRunAndJoin() {
		String parallel = branches("par", "PARALLEL", "null", branch("p1", null, approver("x", persons(null, fac), "null")),
				branch("p2", null, approver("y", persons(null, cou), "null")));
		String key = fx.publish(model(branches("cond", "CONDITION", approver("final", persons(null, it), "null"),
				branch("big", "amount >= 1000 && category == 'equipment'", parallel),
				branch("small", null, approver("z", persons(null, head), "null")))));
		UUID big = fx.start(key, "stu001", Map.of("amount", 2000, "category", "equipment")).id();
		assertThat(fx.open(big)).containsExactly("cou001@y", "fac001@x");
		fx.approve(big, "cou001");
		fx.approve(big, "fac001");
		assertThat(fx.open(big)).containsExactly("it001@final");
		UUID small = fx.start(key, "stu001", Map.of("amount", 2000, "category", "books")).id();
		assertThat(fx.open(small)).containsExactly("head001@z");
	}
}
