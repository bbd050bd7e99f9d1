package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Flowable's history keeps the process variables but not the bookkeeping variables of multi-instance
 * approver nodes (EngineHistorySettings), while the engine still runs on those variables at runtime.
 */
@IntegrationTest
class EngineHistoryIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	@Autowired
	RuntimeService engine;

	@Autowired
	JdbcClient jdbc;

	WorkflowFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
	}

	@Test
	void multiInstanceBookkeepingStaysOutOfHistoryWhileTheNodeCountsOnIt() {
		UUID fac = fx.person("fac001");
		UUID cou = fx.person("cou001");
		UUID head = fx.person("head001");
		// a countersign of two (the node counts completions), then one approver
		String key = fx.publish(model(approver("both", persons("\"multi\": \"ALL\"", fac, cou),
				approver("last", persons(null, head), "null"))));
		UUID id = fx.start(key, "stu001", Map.of("reason", "回家")).id();
		String engineId = instances.find(id).orElseThrow().engineInstanceId();

		fx.approve(id, "fac001");
		// at runtime the node still has its counters: one of two done, the other person still waits
		List<String> runtimeNames = jdbc.sql("select name_ from act_ru_variable where proc_inst_id_ = ?").param(engineId)
			.query(String.class).list();
		assertThat(runtimeNames).contains("nrOfInstances", "nrOfCompletedInstances", "loopCounter", "assignee", "applicant");
		assertThat(fx.open(id)).containsExactly("cou001@both");
		assertThat(engine.getVariable(engineId, "applicant")).isEqualTo(fx.person("stu001").toString());

		fx.approve(id, "cou001");
		assertThat(fx.open(id)).containsExactly("head001@last");
		fx.approve(id, "head001");
		assertThat(fx.status(id)).isEqualTo("APPROVED");

		// the history keeps the process variable (and the engine's task history), not the counters
		List<String> historic = jdbc.sql("select name_ from act_hi_varinst where proc_inst_id_ = ?").param(engineId)
			.query(String.class).list();
		assertThat(historic).contains("applicant").doesNotContain("nrOfInstances", "nrOfCompletedInstances",
				"nrOfActiveInstances", "loopCounter", "assignee");
		assertThat(jdbc.sql("select count(*) from act_hi_taskinst where proc_inst_id_ = ?").param(engineId)
			.query(Long.class).single()).isEqualTo(3);
	}
}
