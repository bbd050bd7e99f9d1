package org.onecampus.workflow.internal.tasks;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Workflow's own notice to an applicant whose instance is returned to them (processes no other module claims): the
 * text comes from the {@code workflow-returned} messaging template in the recipient's language, and the idempotency
 * key names the return, so delivering the same return again sends nothing more.
 */
@IntegrationTest
class ReturnNoticesIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	TaskOperations operations;

	@Autowired
	ReturnNotices notices;

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	WorkflowFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
	}

	/** Starts an instance of a one-approver process as the applicant and has cou001 return it to them. */
	String returnedTask(String applicant, UUID[] instance) {
		String key = fx.publish(model(approver("review", persons(null, fx.person("cou001")), "null")));
		UUID id = fx.start(key, applicant, Map.of()).id();
		TaskRecord task = instances.openTasks(id).get(0);
		operations.returnTo(task.id(), fx.person("cou001"), "start", new TaskOperations.Note("请补充材料", null));
		assertThat(fx.status(id)).isEqualTo("RETURNED");
		instance[0] = id;
		return task.id();
	}

	long messages(UUID instance) {
		return jdbc.sql("select count(*) from messaging_message where sender = 'module:workflow' and idempotency_key like :k")
			.param("k", "workflow-returned:" + instance + ":%").query(Long.class).single();
	}

	String title(UUID instance, String taskId) {
		return jdbc.sql("""
				select d.title from messaging_delivery d join messaging_message m on m.id = d.message_id
				where m.sender = 'module:workflow' and m.idempotency_key = :k order by d.id limit 1""")
			.param("k", ReturnNotices.key(instance, taskId)).query(String.class).single();
	}

	@Test
	void theApplicantIsToldOnceInChineseAndARetriedDeliverySendsNothingMore() {
		UUID[] instance = new UUID[1];
		String taskId = returnedTask("stu001", instance);
		assertThat(messages(instance[0])).isEqualTo(1);
		assertThat(title(instance[0], taskId)).isEqualTo("您的申请「测试流程」已退回");

		// the same return delivered again (a retry): the key is the same, so no second message
		notices.returned(instances.find(instance[0]).orElseThrow(),
				runtime.version(instances.find(instance[0]).orElseThrow()), taskId);
		assertThat(messages(instance[0])).isEqualTo(1);
	}

	@Test
	void anApplicantWhoPrefersEnglishGetsItInEnglish() {
		// DemoPersons slice 90-99 is this class's
		String username = DemoPersons.nth(jdbc, 90);
		String before = jdbc.sql("select locale from identity_account where username = :u").param("u", username)
			.query(String.class).optional().orElse(null);
		jdbc.sql("update identity_account set locale = 'en-US' where username = :u").param("u", username).update();
		try {
			UUID[] instance = new UUID[1];
			String taskId = returnedTask(username, instance);
			assertThat(title(instance[0], taskId)).isEqualTo("Your application \"测试流程\" was returned");
		}
		finally {
			jdbc.sql("update identity_account set locale = :l where username = :u").param("l", before).param("u", username)
				.update();
		}
	}
}
