package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;
import org.onecampus.workflow.internal.processes.VersionDiffs;
import org.onecampus.workflow.internal.processes.VersionRollbacks;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branch;
import static org.onecampus.workflow.internal.tasks.SimpleModels.branches;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Migration of running instances between published versions across the topologies of the simple
 * designer (sequential, parallel gateway, multi-person nodes, nested branches), the dry-run report,
 * and the rollback of a bad publish.
 */
@IntegrationTest
class MigrationIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	@Autowired
	InstanceMigrations migrations;

	@Autowired
	VersionDiffs diffs;

	@Autowired
	VersionRollbacks rollbacks;

	@Autowired
	org.flowable.engine.RepositoryService repository;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	WorkflowFixtures fx;

	UUID fac;

	UUID cou;

	UUID head;

	UUID it;

	UUID admin;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		fac = fx.person("fac001");
		cou = fx.person("cou001");
		head = fx.person("head001");
		it = fx.person("it001");
		admin = fx.person("admin");
	}

	/** Replaces the draft of {@code key} with {@code model} and publishes it as the next version. */
	int republish(String key, String model) {
		ProcessDraft draft = definitions.find(key).orElseThrow().draft();
		definitions.update(key, new ProcessDraft(draft.name(), null, null, null, draft.admins(), null, json.readTree(model),
				null));
		try {
			return definitions.publish(key, admin).version();
		}
		catch (org.onecampus.kernel.error.PlatformException ex) {
			throw new AssertionError(ex.fieldProblems().toString(), ex);
		}
	}

	InstanceMigrations.Report run(String key, int from, int to, boolean dryRun, Map<String, String> mappings) {
		return migrations.run(key, new InstanceMigrations.Plan(from, to, dryRun, null, mappings), admin);
	}

	static InstanceMigrations.InstanceResult result(InstanceMigrations.Report report, UUID id) {
		return report.instances().stream().filter(r -> r.instanceId().equals(id)).findFirst().orElseThrow();
	}

	static List<String> codes(InstanceMigrations.InstanceResult result) {
		return result.reasons().stream().map(InstanceMigrations.Reason::code).toList();
	}

	int version(UUID id) {
		return instances.find(id).orElseThrow().version();
	}

	@Test
	void sequentialInstancesMoveAndTheNextApprovalGoesThroughTheNewVersionsNodes() {
		String key = fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		UUID atA = fx.start(key, "stu001", Map.of()).id();
		UUID atB = fx.start(key, "stu001", Map.of()).id();
		fx.approve(atB, "fac001");
		int v2 = republish(key, model(approver("a", persons(null, fac),
				approver("c", persons(null, head), approver("b", persons(null, cou), "null")))));

		VersionDiffs.VersionDiff diff = diffs.diff(key, 1, v2);
		assertThat(diff.added()).extracting(VersionDiffs.NodeChange::nodeId).containsExactly("c");
		assertThat(diff.removed()).isEmpty();
		assertThat(diff.moved()).extracting(VersionDiffs.NodeChange::nodeId).containsExactly("b");
		assertThat(diff.moved().get(0).previousBefore()).containsExactly("a");
		assertThat(diff.moved().get(0).before()).containsExactly("c");

		InstanceMigrations.Report dry = run(key, 1, v2, true, null);
		assertThat(dry.dryRun()).isTrue();
		assertThat(result(dry, atA).movable()).isTrue();
		assertThat(result(dry, atA).activeNodes()).containsExactly("a");
		assertThat(result(dry, atB).movable()).isTrue();
		assertThat(version(atA)).isEqualTo(1);

		InstanceMigrations.Report done = run(key, 1, v2, false, null);
		assertThat(done.migrated()).isEqualTo(2);
		assertThat(done.failed()).isZero();
		assertThat(version(atA)).isEqualTo(v2);
		assertThat(fx.open(atA)).containsExactly("fac001@a");
		fx.approve(atA, "fac001");
		assertThat(fx.open(atA)).containsExactly("head001@c");
		assertThat(fx.open(atB)).containsExactly("cou001@b");
		fx.approve(atB, "cou001");
		assertThat(fx.status(atB)).isEqualTo("APPROVED");
		assertThat(fx.actions(atA)).contains("MIGRATED");
	}

	@Test
	void anInstanceAtARemovedNodeCannotMoveUnlessMappedAndDoesNotStopTheOthers() {
		String key = fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		UUID atA = fx.start(key, "stu001", Map.of()).id();
		UUID atB = fx.start(key, "stu001", Map.of()).id();
		fx.approve(atB, "fac001");
		int v2 = republish(key, model(approver("a", persons(null, fac), approver("b2", persons(null, head), "null"))));

		InstanceMigrations.Report dry = run(key, 1, v2, true, null);
		assertThat(result(dry, atA).movable()).isTrue();
		assertThat(result(dry, atB).movable()).isFalse();
		assertThat(codes(result(dry, atB))).containsExactly("NODE_MISSING");
		assertThat(result(dry, atB).reasons().get(0).nodeId()).isEqualTo("b");
		assertThat(result(dry, atB).reasons().get(0).message()).contains("b");

		InstanceMigrations.Report done = run(key, 1, v2, false, null);
		assertThat(done.migrated()).isEqualTo(1);
		assertThat(done.failed()).isEqualTo(1);
		assertThat(result(done, atA).migrated()).isTrue();
		assertThat(result(done, atB).migrated()).isFalse();
		assertThat(version(atA)).isEqualTo(v2);
		assertThat(version(atB)).isEqualTo(1);
		assertThat(fx.open(atB)).containsExactly("cou001@b");

		InstanceMigrations.Report mapped = run(key, 1, v2, false, Map.of("b", "b2"));
		assertThat(result(mapped, atB).migrated()).isTrue();
		assertThat(version(atB)).isEqualTo(v2);
		assertThat(fx.open(atB)).containsExactly("head001@b2");
		fx.approve(atB, "head001");
		assertThat(fx.status(atB)).isEqualTo("APPROVED");
	}

	@Test
	void aParallelInstanceWithOneBranchDoneMovesAndJoinsInTheNewVersion() {
		String parallelV1 = branches("par", "PARALLEL", approver("last", persons(null, head), "null"),
				branch("p1", null, approver("x", persons(null, fac), "null")),
				branch("p2", null, approver("y", persons(null, cou), "null")));
		String key = fx.publish(model(parallelV1));
		UUID id = fx.start(key, "stu001", Map.of()).id();
		fx.approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@y");
		int v2 = republish(key, model(branches("par", "PARALLEL",
				approver("last", persons(null, head), approver("z", persons(null, it), "null")),
				branch("p1", null, approver("x", persons(null, fac), "null")),
				branch("p2", null, approver("y", persons(null, cou), "null")))));

		InstanceMigrations.Report done = run(key, 1, v2, false, null);
		assertThat(result(done, id).migrated()).as(done.toString()).isTrue();
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
		fx.approve(id, "head001");
		assertThat(fx.open(id)).containsExactly("it001@z");
		fx.approve(id, "it001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	@Test
	void aCountersignNodeMovesBeforeAnyApprovalButNotWithApprovalsOrAChangedMode() {
		String key = fx.publish(model(approver("all", persons("\"multi\": \"ALL\"", fac, cou, head), "null")));
		UUID fresh = fx.start(key, "stu001", Map.of()).id();
		UUID halfway = fx.start(key, "stu001", Map.of()).id();
		fx.approve(halfway, "fac001");
		int sequential = republish(key, model(approver("all", persons("\"multi\": \"SEQUENTIAL\"", fac, cou, head), "null")));
		InstanceMigrations.Report refused = run(key, 1, sequential, true, null);
		assertThat(codes(result(refused, fresh))).containsExactly("MULTI_MODE_CHANGED");

		int extended = republish(key, model(approver("all", persons("\"multi\": \"ALL\"", fac, cou, head),
				approver("after", persons(null, it), "null"))));
		InstanceMigrations.Report done = run(key, 1, extended, false, null);
		assertThat(codes(result(done, halfway))).containsExactly("MULTI_PROGRESS");
		assertThat(result(done, fresh).migrated()).as(done.toString()).isTrue();
		assertThat(fx.open(halfway)).containsExactly("cou001@all", "head001@all");
		assertThat(fx.open(fresh)).containsExactly("cou001@all", "fac001@all", "head001@all");
		fx.approve(fresh, "fac001");
		fx.approve(fresh, "cou001");
		fx.approve(fresh, "head001");
		assertThat(fx.open(fresh)).containsExactly("it001@after");
	}

	@Test
	void aCountersignNodeWithApprovalsCannotBeMappedToAnotherNode() {
		String key = fx.publish(model(approver("all", persons("\"multi\": \"ALL\"", fac, cou), "null")));
		UUID started = fx.start(key, "stu001", Map.of()).id();
		UUID halfway = fx.start(key, "stu001", Map.of()).id();
		fx.approve(halfway, "fac001");
		int v2 = republish(key, model(approver("all2", persons("\"multi\": \"ALL\"", head, it), "null")));
		InstanceMigrations.Report done = run(key, 1, v2, false, Map.of("all", "all2"));
		assertThat(codes(result(done, halfway))).containsExactly("MULTI_PROGRESS");
		assertThat(result(done, started).migrated()).isTrue();
		assertThat(fx.open(started)).containsExactly("head001@all2", "it001@all2");
		assertThat(fx.open(halfway)).containsExactly("cou001@all");
	}

	@Test
	void anInstanceInsideParallelBranchesNestedInAConditionMoves() {
		String nestedV1 = branches("cond", "CONDITION", approver("fin", persons(null, head), "null"),
				branch("long", "days > 3", branches("par", "PARALLEL", "null",
						branch("p1", null, approver("x", persons(null, fac), "null")),
						branch("p2", null, approver("y", persons(null, cou), "null")))),
				branch("short", null, approver("s", persons(null, cou), "null")));
		String key = fx.publish(model(nestedV1));
		UUID id = fx.start(key, "stu001", Map.of("days", 5)).id();
		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("fac001@x");
		int v2 = republish(key, model(branches("cond", "CONDITION", approver("fin", persons(null, head), "null"),
				branch("long", "days > 3", branches("par", "PARALLEL", "null",
						branch("p1", null, approver("x", persons(null, fac), approver("x2", persons(null, it), "null"))),
						branch("p2", null, approver("y", persons(null, cou), "null")))),
				branch("short", null, approver("s", persons(null, cou), "null")))));
		InstanceMigrations.Report done = run(key, 1, v2, false, null);
		assertThat(result(done, id).migrated()).as(done.toString()).isTrue();
		fx.approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("it001@x2");
		fx.approve(id, "it001");
		assertThat(fx.open(id)).containsExactly("head001@fin");
	}

	/**
	 * Instances of a version deployed before one-approver nodes ran as plain tasks (every node multi-instance)
	 * move onto a newer version's multi-instance twins and go on from there.
	 */
	@Test
	void anInstanceOfAVersionDeployedWithEveryNodeMultiInstanceMovesToTheNewVersion() {
		String key = fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		// v1 as it was deployed before: the prepared BPMN itself, every approver node multi-instance
		String prepared = jdbc.sql("select bpmn_xml from workflow_process_version where process_key = :k and version = 1")
			.param("k", key).query(String.class).single();
		String deployment = repository.createDeployment().key(key).addString(key + ".old.bpmn20.xml", prepared)
			.disableSchemaValidation().deploy().getId();
		String old = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
		jdbc.sql("update workflow_process_version set engine_definition_id = :d where process_key = :k and version = 1")
			.param("d", old).param("k", key).update();
		UUID id = fx.start(key, "stu001", Map.of()).id();
		String engineInstance = instances.find(id).orElseThrow().engineInstanceId();
		assertThat(activities(engineInstance)).containsExactly("a", "a");

		int v2 = republish(key, model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		InstanceMigrations.Report done = run(key, 1, v2, false, null);
		assertThat(result(done, id).migrated()).isTrue();
		assertThat(activities(engineInstance)).containsExactly("a__multi", "a__multi");
		assertThat(fx.open(id)).containsExactly("fac001@a");
		fx.approve(id, "fac001");
		assertThat(fx.open(id)).containsExactly("cou001@b");
		assertThat(activities(engineInstance)).containsExactly("b");
		fx.approve(id, "cou001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");
	}

	/** The engine's activity ids of the instance's executions below the instance itself. */
	private List<String> activities(String engineInstance) {
		return jdbc.sql("select act_id_ from act_ru_execution where proc_inst_id_ = :p and parent_id_ is not null order by act_id_")
			.param("p", engineInstance).query(String.class).list();
	}

	@Test
	void aRollbackPublishesThePreviousModelAsANewVersionUsedByNewStarts() {
		String key = fx.publish(model(approver("a", persons(null, fac), approver("b", persons(null, cou), "null"))));
		int bad = republish(key, model(approver("a", persons(null, fac), approver("c", persons(null, head), "null"))));
		UUID onBadAtA = fx.start(key, "stu001", Map.of()).id();
		UUID onBadAtC = fx.start(key, "stu001", Map.of()).id();
		fx.approve(onBadAtC, "fac001");
		ProcessDraft pending = definitions.find(key).orElseThrow().draft();

		int restored = rollbacks.rollback(key, bad, admin).version();
		assertThat(restored).isEqualTo(bad + 1);
		assertThat(diffs.diff(key, 1, restored).added()).isEmpty();
		assertThat(diffs.diff(key, 1, restored).changed()).isEmpty();
		assertThat(definitions.find(key).orElseThrow().draft().model()).isEqualTo(pending.model());

		UUID fresh = fx.start(key, "stu001", Map.of()).id();
		assertThat(version(fresh)).isEqualTo(restored);
		fx.approve(fresh, "fac001");
		assertThat(fx.open(fresh)).containsExactly("cou001@b");

		InstanceMigrations.Report back = run(key, bad, restored, false, null);
		assertThat(result(back, onBadAtA).migrated()).isTrue();
		assertThat(codes(result(back, onBadAtC))).containsExactly("NODE_MISSING");
		fx.approve(onBadAtA, "fac001");
		assertThat(fx.open(onBadAtA)).containsExactly("cou001@b");
	}
}
