package org.onecampus.kernel.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AuditChainIntegrationTests {

	@Autowired
	AuditLog audit;

	@Autowired
	AuditVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@LocalServerPort
	int port;

	@Test
	void anUntouchedChainVerifies() {
		audit.record(new AuditLog.AuditEntry("tester", "test.untouched", "x:1", Map.of("n", 1), "10.0.0.1"));
		AuditVerification.Result result = verification.verify();
		assertThat(result.valid()).isTrue();
		assertThat(result.firstInvalidId()).isNull();
		assertThat(result.checked()).isPositive();
	}

	@Test
	void theApplicationCannotUpdateOrDeleteAuditRows() {
		long id = lastIdAfterRecording("test.append-only");
		assertThatThrownBy(() -> jdbc.sql("update kernel_audit_event set actor = 'mallory' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from kernel_audit_event where id = ?").param(id).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void anEditedRowIsDetectedAtThatRow() {
		long id = lastIdAfterRecording("test.edited");
		audit.record(new AuditLog.AuditEntry("tester", "test.after-edited", null, null, null));
		String original = jdbc.sql("select target from kernel_audit_event where id = ?").param(id).query(String.class).single();
		tamper("update kernel_audit_event set target = 'person:someone-else' where id = " + id);
		try {
			AuditVerification.Result result = verification.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstInvalidId()).isEqualTo(id);
		}
		finally {
			tamper("update kernel_audit_event set target = '" + original + "' where id = " + id);
		}
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void aDeletedRowIsDetectedAtTheRowAfterIt() {
		long id = lastIdAfterRecording("test.deleted");
		audit.record(new AuditLog.AuditEntry("tester", "test.after-deleted", null, null, null));
		long next = jdbc.sql("select min(id) from kernel_audit_event where id > ?").param(id).query(Long.class).single();
		var row = jdbc.sql("select * from kernel_audit_event where id = ?").param(id).query().singleRow();
		tamper("delete from kernel_audit_event where id = " + id);
		try {
			AuditVerification.Result result = verification.verify();
			assertThat(result.valid()).isFalse();
			assertThat(result.firstInvalidId()).isEqualTo(next);
		}
		finally {
			jdbc.sql("alter table kernel_audit_event disable trigger kernel_audit_event_append_only").update();
			jdbc.sql("""
					insert into kernel_audit_event (id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash)
					values (:id, :occurred_at, :actor, :action, :target, :details, :ip, :trace_id, :prev_hash, :hash)""")
				.params(row).update();
			jdbc.sql("alter table kernel_audit_event enable trigger kernel_audit_event_append_only").update();
		}
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void anAdministratorVerifiesThroughTheApiAndTheVerificationIsItselfAudited() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		var response = admin.postJson("/api/v1/audit/verifications", "");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("valid").asBoolean()).isTrue();
		var events = admin.get("/api/v1/audit/events?action=audit.verified&size=5").json();
		assertThat(events.get("items").get(0).get("actor").asString()).isEqualTo("admin");
		assertThat(events.get("total").asLong()).isPositive();
	}

	@Test
	void administratorsSearchByTargetAddressAndTime() {
		audit.record(new AuditLog.AuditEntry("searcher", "test.searchable", "app:library-portal", null, "10.20.30.40"));
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		var byTarget = admin.get("/api/v1/audit/events?target=library-portal").json();
		assertThat(byTarget.get("total").asLong()).isOne();
		assertThat(byTarget.get("items").get(0).get("ip").asString()).isEqualTo("10.20.30.40");
		assertThat(admin.get("/api/v1/audit/events?ip=10.20.30.40").json().get("items").get(0).get("action").asString())
			.isEqualTo("test.searchable");
		String now = java.time.Instant.now().plusSeconds(5).toString();
		String hourAgo = java.time.Instant.now().minusSeconds(3600).toString();
		assertThat(admin.get("/api/v1/audit/events?target=library-portal&from=" + hourAgo + "&to=" + now).json()
			.get("total").asLong()).isOne();
		assertThat(admin.get("/api/v1/audit/events?target=library-portal&to=" + hourAgo).json().get("total").asLong())
			.isZero();
		ProblemAssertions.assertProblem(admin.get("/api/v1/audit/events?from=yesterday"), 400, "request.parameter");
	}

	@Test
	void aSecurityOfficerMayReadTheLogButAStudentMayNot() {
		assertThat(new ApiClient(port).signIn("it001", IntegrationTest.DEMO_PASSWORD).get("/api/v1/audit/events").status())
			.isEqualTo(200);
		assertThat(new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD)
			.postJson("/api/v1/audit/verifications", "").status()).isEqualTo(403);
	}

	@Test
	void dailyStatisticsCoverEveryDayIncludingEmptyOnes() {
		var days = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD)
			.get("/api/v1/audit/statistics/daily?days=14").json();
		assertThat(days).hasSize(14);
		assertThat(days.get(13).get("count").asLong()).isPositive();
	}

	@Test
	void concurrentWritersOutsideATransactionShareCommitsAndStillFormOneChain() throws Exception {
		String action = "test.group-commit-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		int threads = 16;
		int each = 25;
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						audit.record(new AuditLog.AuditEntry("writer-" + thread, action, "n:" + i, Map.of("i", i), null));
						// Committed when record returns: visible to another connection at once.
						assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ? and actor = ? and target = ?")
							.param(action).param("writer-" + thread).param("n:" + i).query(Long.class).single()).isOne();
					}
					return null;
				}));
			}
			start.countDown();
			for (var future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ?").param(action).query(Long.class).single())
			.isEqualTo((long) threads * each);
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void anOpenTransactionWithEntriesDoesNotHoldUpOtherWriters() {
		String action = "test.open-transaction-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			audit.record(new AuditLog.AuditEntry("tester", action, "inside-1", null, null));
			audit.record(new AuditLog.AuditEntry("tester", action, "inside-2", null, null));
			// another writer, outside this transaction, is done while this one is still open (the chain lock is
			// taken when this transaction commits, not when its entries are recorded)
			var outside = java.util.concurrent.CompletableFuture.runAsync(
					() -> audit.record(new AuditLog.AuditEntry("tester", action, "outside", null, null)));
			assertThat(outside).succeedsWithin(java.time.Duration.ofSeconds(10));
			assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ? and target like 'inside%'")
				.param(action).query(Long.class).single()).isZero();
		});
		// the transaction's entries follow the outside one, one after the other
		assertThat(jdbc.sql("select target from kernel_audit_event where action = ? order by id").param(action)
			.query(String.class).list()).containsExactly("outside", "inside-1", "inside-2");
		List<Long> ids = jdbc.sql("select id from kernel_audit_event where action = ? and target like 'inside%' order by id")
			.param(action).query(Long.class).list();
		assertThat(ids.get(1) - ids.get(0)).isOne();
		assertThat(verification.verify().valid()).isTrue();
	}

	/**
	 * The database hashes what the caller encoded: entries with Chinese text, an emoji and missing fields, several
	 * in one transaction (one append), are stored with exactly the hashes the verification computes in Java.
	 */
	@Test
	void entriesWithChineseTextAndMissingFieldsAreHashedAlikeByTheDatabaseAndTheVerification() {
		String action = "test.unicode-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			audit.record(new AuditLog.AuditEntry("张三", action, "申请:奖学金/2026", Map.of("备注", "材料齐全 ✅"), "10.0.0.7"));
			audit.record(new AuditLog.AuditEntry(null, action, null, null, null));
			audit.record(new AuditLog.AuditEntry("", action, "", Map.of(), "::1"));
		});
		List<Map<String, Object>> rows = jdbc.sql("""
				select id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash
				from kernel_audit_event where action = ? order by id""").param(action).query().listOfRows();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).get("actor")).isEqualTo("张三");
		assertThat(rows.get(1).get("actor")).isNull();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			String expected = AuditChain.hash((String) row.get("prev_hash"), (Long) row.get("id"),
					((java.sql.Timestamp) row.get("occurred_at")).toInstant(), (String) row.get("actor"),
					(String) row.get("action"), (String) row.get("target"), (String) row.get("details"),
					(String) row.get("ip"), (String) row.get("trace_id"));
			assertThat(row.get("hash")).isEqualTo(expected);
			if (i > 0) {
				assertThat(row.get("prev_hash")).isEqualTo(rows.get(i - 1).get("hash"));
				assertThat((Long) row.get("id")).isEqualTo((Long) rows.get(i - 1).get("id") + 1);
			}
		}
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void anEntryRecordedInATransactionThatRollsBackIsNotKept() {
		String action = "test.rolled-back-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			audit.record(new AuditLog.AuditEntry("tester", action, null, null, null));
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ?").param(action).query(Long.class).single())
			.isZero();
		assertThat(verification.verify().valid()).isTrue();
	}

	@Test
	void anEntryWithTheCallersWriteIsKeptExactlyWhenTheWriteIs() throws Exception {
		jdbc.sql("create table if not exists test_audit_companion (id text primary key)").update();
		String action = "test.with-write-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		int threads = 6;
		var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
		try {
			var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
			for (int t = 0; t < threads; t++) {
				String key = action + "-" + t;
				done.add(pool.submit(() -> {
					audit.record(new AuditLog.AuditEntry("tester", action, key, null, null),
							() -> jdbc.sql("insert into test_audit_companion (id) values (?)").param(key).update());
					// Both committed when record returns, in one transaction.
					assertThat(jdbc.sql("""
							select count(*) from test_audit_companion c, kernel_audit_event e
							where c.id = ? and e.target = ? and e.action = ? and c.xmin = e.xmin""")
						.param(key).param(key).param(action).query(Long.class).single()).isOne();
					return null;
				}));
			}
			for (var future : done) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}

		// A write that fails (here: the same key again) keeps neither and fails the call.
		assertThatThrownBy(() -> audit.record(new AuditLog.AuditEntry("tester", action, "again", null, null),
				() -> jdbc.sql("insert into test_audit_companion (id) values (?)").param(action + "-0").update()))
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ? and target = 'again'").param(action)
			.query(Long.class).single()).isZero();

		// Inside a transaction both join it: rolled back together.
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			audit.record(new AuditLog.AuditEntry("tester", action, "rolled-back", null, null),
					() -> jdbc.sql("insert into test_audit_companion (id) values (?)").param(action + "-rolled-back").update());
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from test_audit_companion where id = ?").param(action + "-rolled-back")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = ?").param(action).query(Long.class).single())
			.isEqualTo(threads);
		assertThat(verification.verify().valid()).isTrue();
	}

	private long lastIdAfterRecording(String action) {
		audit.record(new AuditLog.AuditEntry("tester", action, "person:42", Map.of("k", "v"), "10.0.0.2"));
		return jdbc.sql("select max(id) from kernel_audit_event where action = ?").param(action).query(Long.class).single();
	}

	/** What an attacker with database superuser rights could do: switch the guard off and change history. */
	private void tamper(String sql) {
		jdbc.sql("alter table kernel_audit_event disable trigger kernel_audit_event_append_only").update();
		try {
			jdbc.sql(sql).update();
		}
		finally {
			jdbc.sql("alter table kernel_audit_event enable trigger kernel_audit_event_append_only").update();
		}
	}
}
