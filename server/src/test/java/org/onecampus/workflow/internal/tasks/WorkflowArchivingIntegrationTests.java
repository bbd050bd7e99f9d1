package org.onecampus.workflow.internal.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.config;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;

/**
 * History retention: instances that ended before the cutoff move with their tasks, trail and CC rows to
 * the archive tables, running ones stay, the applicant still reads the archived instance through the
 * instance API, and a node that does not get the advisory lock does nothing.
 */
@IntegrationTest
class WorkflowArchivingIntegrationTests {

	/** Far before anything the demo data or other tests create, so that only this test's rows qualify. */
	private static final Instant CUTOFF = Instant.parse("2001-01-01T00:00:00Z");

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
	WorkflowArchiving archiving;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	WorkflowFixtures fx;

	@BeforeEach
	void fixtures() {
		fx = new WorkflowFixtures(definitions, runtime, instances, directory);
	}

	@Test
	void endedInstancesOlderThanTheCutoffMoveToTheArchiveAndTheApplicantStillReadsThem() {
		String key = fx.publish(model(approver("couns", config("{\"rule\": \"POSITION\", \"position\": \"class-counsellor\"}", null),
				"null")));
		UUID ended = fx.start(key, "stu001", Map.of("reason", "旧申请")).id();
		fx.approve(ended, "cou001");
		UUID running = fx.start(key, "stu001", Map.of("reason", "待审批")).id();
		UUID recentlyEnded = fx.start(key, "stu001", Map.of("reason", "新近办结")).id();
		fx.approve(recentlyEnded, "cou001");
		backdate(ended, "2000-06-01T00:00:00Z");
		backdate(running, "2000-06-01T00:00:00Z"); // started long ago, still running: stays
		int trail = fx.actions(ended).size();

		WorkflowArchiving.Result result = archiving.archiveEndedBefore(CUTOFF);

		assertThat(result.skipped()).isFalse();
		assertThat(result.instances()).isEqualTo(1);
		assertThat(instances.find(ended)).isEmpty();
		assertThat(count("workflow_task", ended)).isZero();
		assertThat(count("workflow_action", ended)).isZero();
		assertThat(count("workflow_task_archive", ended)).isEqualTo(1);
		assertThat(count("workflow_action_archive", ended)).isEqualTo(trail);
		assertThat(instances.find(running)).isPresent();
		assertThat(instances.find(recentlyEnded)).isPresent();

		ApiClient applicant = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ApiClient.Response view = applicant.get("/api/v1/workflow/instances/" + ended);
		assertThat(view.status()).as(view.body()).isEqualTo(200);
		JsonNode json = view.json();
		assertThat(json.get("archived").asBoolean()).isTrue();
		assertThat(json.get("status").asString()).isEqualTo("APPROVED");
		assertThat(json.get("formData").get("reason").asString()).isEqualTo("旧申请");
		assertThat(json.get("timeline").size()).isEqualTo(trail);
		assertThat(json.get("canWithdraw").asBoolean()).isFalse();
		assertThat(applicant.get("/api/v1/workflow/instances/" + running).json().get("archived").asBoolean()).isFalse();

		// the approver's done list and instance view no longer carry it; an outsider never saw it
		ApiClient approver = new ApiClient(port).signIn("cou001", IntegrationTest.DEMO_PASSWORD);
		assertThat(approver.get("/api/v1/workflow/instances/" + ended).status()).isEqualTo(404);
		List<String> done = new java.util.ArrayList<>();
		approver.get("/api/v1/workflow/tasks?scope=done&size=100").json().get("items")
			.forEach(item -> done.add(item.get("instanceId").asString()));
		assertThat(done).doesNotContain(ended.toString()).contains(recentlyEnded.toString());
		assertThat(new ApiClient(port).signIn("grad001", IntegrationTest.DEMO_PASSWORD)
			.get("/api/v1/workflow/instances/" + ended).status()).isEqualTo(404);

		// a second run finds nothing more to move
		assertThat(archiving.archiveEndedBefore(CUTOFF).instances()).isZero();
	}

	@Test
	void aNodeWithoutTheAdvisoryLockMovesNothing() throws Exception {
		String key = fx.publish(model(approver("couns", config("{\"rule\": \"POSITION\", \"position\": \"class-counsellor\"}", null),
				"null")));
		UUID ended = fx.start(key, "stu001", Map.of()).id();
		fx.approve(ended, "cou001");
		backdate(ended, "2000-03-01T00:00:00Z");
		try (Connection other = dataSource.getConnection()) {
			lock(other, "select pg_advisory_lock(?)");
			try {
				WorkflowArchiving.Result result = archiving.archiveEndedBefore(CUTOFF);
				assertThat(result.skipped()).isTrue();
				assertThat(result.instances()).isZero();
				assertThat(instances.find(ended)).isPresent();
			}
			finally {
				lock(other, "select pg_advisory_unlock(?)");
			}
		}
		assertThat(archiving.archiveEndedBefore(CUTOFF).instances()).isEqualTo(1);
		assertThat(instances.find(ended)).isEmpty();
	}

	@Test
	void everyArchiveTableHasTheColumnsOfItsLiveTableInTheSameOrder() {
		for (String table : List.of("workflow_instance", "workflow_task", "workflow_action", "workflow_cc", "workflow_choice")) {
			List<String> live = columns(table);
			List<String> archive = columns(table + "_archive");
			assertThat(archive.subList(0, live.size())).as(table).isEqualTo(live);
			assertThat(archive.subList(live.size(), archive.size())).as(table)
				.isEqualTo("workflow_instance".equals(table) ? List.of("archived_at") : List.of());
		}
	}

	private void backdate(UUID instance, String at) {
		jdbc.sql("""
				update workflow_instance set started_at = cast(:at as timestamptz) - interval '1 day',
				  ended_at = case when ended_at is null then null else cast(:at as timestamptz) end where id = :id""")
			.param("at", at).param("id", instance).update();
	}

	private long count(String table, UUID instance) {
		return jdbc.sql("select count(*) from " + table + " where instance_id = :i").param("i", instance).query(Long.class)
			.single();
	}

	private List<String> columns(String table) {
		return jdbc.sql("""
				select column_name from information_schema.columns where table_schema = current_schema() and table_name = :t
				order by ordinal_position""").param("t", table).query(String.class).list();
	}

	private static void lock(Connection connection, String sql) throws Exception {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, WorkflowArchiving.LOCK);
			statement.execute();
		}
	}
}
