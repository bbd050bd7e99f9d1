package org.onecampus.workflow.internal.tasks;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;
import org.onecampus.workflow.internal.processes.ProcessDraft;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;
import static org.onecampus.workflow.internal.tasks.SimpleModels.persons;

/**
 * Workflow's own notices (to-do, urge, end of an instance) come from messaging templates, so each recipient reads
 * them in their language: an applicant and an approver who prefer English get English text with the process and
 * node names in English, the others Chinese.
 */
@IntegrationTest
class WorkflowNoticesIntegrationTests {

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	TaskOperations operations;

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	WorkflowFixtures fx;

	/** DemoPersons slice 50–59 is this class's: 50 applies, 51 approves; both prefer English for a moment. */
	String applicant;

	String approver;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		applicant = DemoPersons.nth(jdbc, 50);
		approver = DemoPersons.nth(jdbc, 51);
	}

	@AfterEach
	void chinese() {
		jdbc.sql("update identity_account set locale = null where username in (:u)")
			.param("u", java.util.List.of(applicant, approver)).update();
	}

	void prefersEnglish(String... usernames) {
		jdbc.sql("update identity_account set locale = 'en-US' where username in (:u)")
			.param("u", java.util.List.of(usernames)).update();
	}

	/** A one-node process named in both languages (its node: 节点review / Node review), with the approver on it. */
	String process() {
		String key = "notice-" + UUID.randomUUID().toString().substring(0, 8);
		definitions.create(key, new ProcessDraft(Map.of("zh-CN", "通知测试", "en-US", "Notice test"), null, null, null,
				java.util.List.of(fx.person("admin")), null,
				json.readTree(model(approver("review", persons(null, fx.person(approver)), "null"))), null), fx.person("admin"));
		definitions.publish(key, fx.person("admin"));
		return key;
	}

	/** Title and body of the in-app notice a person got with a template, newest first. */
	String[] notice(String username, String template) {
		return await().until(() -> jdbc.sql("""
				select d.title, d.body from messaging_delivery d join messaging_message m on m.id = d.message_id
				where m.sender = 'module:workflow' and m.template_code = ? and d.username = ? and d.channel = 'inapp'
				order by d.id desc limit 1""")
			.param(template).param(username)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional(), java.util.Optional::isPresent).orElseThrow();
	}

	@Test
	void toDoUrgeAndEndInEnglishForThoseWhoPreferIt() {
		prefersEnglish(applicant, approver);
		String key = process();
		UUID id = fx.start(key, applicant, Map.of()).id();
		TaskRecord task = instances.openTasks(id).get(0);

		assertThat(notice(approver, "todo-assigned")[0]).isEqualTo("New to-do: Notice test · Node review");

		operations.urge(task.id(), fx.person(applicant), new TaskOperations.Note("please", null));
		String[] urge = notice(approver, "workflow-urged");
		assertThat(urge[0]).isEqualTo("Reminder: Notice test");
		assertThat(urge[1]).isEqualTo("\"Notice test · Node review\" is waiting for you: please");

		runtime.approve(task.id(), fx.person(approver), new InstanceRuntime.Decision("ok", Map.of(), java.util.List.of(), null));
		String[] ended = notice(applicant, "workflow-ended");
		assertThat(ended[0]).isEqualTo("Your application \"Notice test\" was approved");
		assertThat(ended[1]).startsWith("Your application \"Notice test\" was approved.");
	}

	@Test
	void chineseByDefault() {
		String key = process();
		UUID id = fx.start(key, applicant, Map.of()).id();
		TaskRecord task = instances.openTasks(id).get(0);

		assertThat(notice(approver, "todo-assigned")[0]).isEqualTo("新待办：通知测试 · 节点review");

		operations.urge(task.id(), fx.person(applicant), new TaskOperations.Note(null, null));
		String[] urge = notice(approver, "workflow-urged");
		assertThat(urge[0]).isEqualTo("催办：通知测试");
		assertThat(urge[1]).isEqualTo("「通知测试 · 节点review」等待您办理。");

		runtime.withdraw(id, fx.person(applicant), null);
		assertThat(notice(applicant, "workflow-ended")[0]).isEqualTo("您的申请「通知测试」已撤回");
	}
}
