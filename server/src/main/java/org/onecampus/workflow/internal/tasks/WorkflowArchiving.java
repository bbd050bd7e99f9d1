package org.onecampus.workflow.internal.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History retention for our tables: moves instances that ended more than
 * {@code onecampus.workflow.archive.after-months} ago, with their tasks, trail, CC rows and approver
 * choices, into the {@code *_archive} tables (same columns), in batches of one transaction each. Nothing
 * is deleted: an archived instance leaves the to-do/done/CC lists and the process's instance list, and its
 * applicant still reads it through the instance API. Flowable's own history of those instances is removed
 * by the engine's history cleaning ({@code flowable.history-cleaning-after}), which nothing here reads.
 * Cluster-safe: every batch takes a transaction-level advisory lock and a node that does not get it stops
 * (another node is archiving), and the rows are picked with {@code for update skip locked}.
 */
@Component
class WorkflowArchiving {

	private static final Logger log = LoggerFactory.getLogger(WorkflowArchiving.class);

	static final long LOCK = 0x1d_0005_a4c4_1e00L;

	/** Statuses of ended instances (RETURNED and SUSPENDED instances are still open). */
	private static final List<String> ENDED = List.of("APPROVED", "REJECTED", "WITHDRAWN", "TERMINATED");

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ArchiveProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	WorkflowArchiving(JdbcClient jdbc, PlatformTransactionManager transactions, ArchiveProperties properties,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${onecampus.workflow.archive.cron:0 40 2 * * *}")
	void nightly() {
		if (properties.afterMonths() <= 0) {
			return;
		}
		Result result = archiveEndedBefore(clock.instant().atOffset(ZoneOffset.UTC).minusMonths(properties.afterMonths())
			.toInstant());
		if (result.instances() > 0 || result.skipped()) {
			log.info("Workflow archiving: {}", result);
		}
	}

	/**
	 * @param instances instances moved to the archive
	 * @param skipped another node held the lock, this one did nothing (more)
	 */
	record Result(int instances, boolean skipped) {
	}

	/** Moves every instance that ended before {@code cutoff}, batch by batch. */
	Result archiveEndedBefore(Instant cutoff) {
		int total = 0;
		while (true) {
			Integer moved = transaction.execute(status -> batch(cutoff));
			if (moved == null || moved < 0) {
				return new Result(total, true);
			}
			total += moved;
			if (moved < properties.batchSize()) {
				if (total > 0) {
					audit.record(new AuditEntry("system", "workflow.instances.archived", "workflow-archive",
							Map.of("instances", total, "endedBefore", cutoff.toString()), null));
				}
				return new Result(total, false);
			}
		}
	}

	/** @return instances moved, or -1 when another node holds the lock */
	private int batch(Instant cutoff) {
		if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
			return -1;
		}
		List<UUID> ids = jdbc.sql("""
				select id from workflow_instance where ended_at < :cutoff and status in (:ended)
				order by ended_at limit :batch for update skip locked""")
			.param("cutoff", java.sql.Timestamp.from(cutoff)).param("ended", ENDED).param("batch", properties.batchSize())
			.query(UUID.class).list();
		if (ids.isEmpty()) {
			return 0;
		}
		UUID[] batch = ids.toArray(UUID[]::new);
		// timer rows of the tasks are operational state only (every timer of an ended instance is done)
		jdbc.sql("delete from workflow_task_timer where task_id in (select id from workflow_task where instance_id = any(:ids))")
			.param("ids", batch).update();
		for (String table : List.of("workflow_action", "workflow_cc", "workflow_choice", "workflow_task")) {
			jdbc.sql("with moved as (delete from " + table + " where instance_id = any(:ids) returning *) insert into "
					+ table + "_archive select * from moved").param("ids", batch).update();
		}
		jdbc.sql("""
				with moved as (delete from workflow_instance where id = any(:ids) returning *)
				insert into workflow_instance_archive select moved.*, now() from moved""").param("ids", batch).update();
		return ids.size();
	}
}
