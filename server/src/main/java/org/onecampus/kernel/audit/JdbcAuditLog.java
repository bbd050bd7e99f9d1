package org.onecampus.kernel.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.kernel.web.TraceIds;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries under a transaction-scoped advisory lock, so that concurrent writers on any
 * number of nodes still form one chain. An entry recorded inside a transaction joins it (kept only if
 * it commits), appended with the transaction's other entries just before it commits; one recorded
 * outside any transaction goes through the {@link AuditGroupCommit group commit}: it is written with
 * the other entries queued at that moment in one transaction, and {@link #record} returns once that
 * transaction has committed.
 */
@Component
class JdbcAuditLog implements AuditLog {

	/** Advisory lock key for the audit chain ("AUDIT" in ASCII). */
	static final long CHAIN_LOCK = 0x4155444954L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json;

	private final AuditGroupCommit groupCommit;

	JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.json = json;
		this.groupCommit = new AuditGroupCommit(
				batch -> transactions.executeWithoutResult(status -> append(batch.stream().map(AuditGroupCommit.Pending::row).toList())));
	}

	/**
	 * What the caller's thread knows about an entry; the id, time and hashes are assigned under the lock.
	 * {@code write}, when not null, is the caller's own statements that go in the same transaction.
	 */
	record Row(AuditEntry entry, String details, String traceId, Runnable write) {

		Row(AuditEntry entry, String details, String traceId) {
			this(entry, details, traceId, null);
		}
	}

	@Override
	public void record(String action, String target, Map<String, ?> details) {
		HttpServletRequest request = currentRequest();
		record(new AuditEntry(currentActor(), action, target, details, request == null ? null : request.getRemoteAddr()));
	}

	@Override
	public void record(AuditEntry entry) {
		append(entry, null);
	}

	@Override
	public void record(AuditEntry entry, Runnable write) {
		append(entry, Objects.requireNonNull(write, "write"));
	}

	private void append(AuditEntry entry, Runnable write) {
		HttpServletRequest request = currentRequest();
		String traceId = request == null ? null : TraceIds.current(request);
		String details = entry.details() == null || entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
		Row row = new Row(entry, details, traceId, write);
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				// the caller's write now; the entry just before the transaction commits (see AtCommit)
				if (write != null) {
					write.run();
				}
				atCommit().rows.add(new Row(entry, details, traceId, null));
			}
			else {
				append(List.of(row));
			}
		}
		else if (!groupCommit.append(row)) {
			transactions.executeWithoutResult(status -> append(List.of(row)));
		}
	}

	/** The current transaction's entries still to append, registering them for its commit on the first. */
	private AtCommit atCommit() {
		for (var synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof AtCommit pending && pending.owner == this && !pending.appended) {
				return pending;
			}
		}
		AtCommit pending = new AtCommit(this);
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/**
	 * The entries recorded in one transaction, appended together just before it commits: the chain lock
	 * (which serialises every writer of the audit log on every node) is then held from the append to the
	 * commit only, not from the first entry through the rest of the transaction, and a transaction with
	 * several entries takes it once. Rolled back, nothing is appended. Suspended transactions keep theirs
	 * (Spring suspends their synchronizations with them).
	 */
	private static final class AtCommit implements TransactionSynchronization {

		private final JdbcAuditLog owner;

		private final List<Row> rows = new ArrayList<>();

		private boolean appended;

		AtCommit(JdbcAuditLog owner) {
			this.owner = owner;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			appended = true;
			if (!rows.isEmpty()) {
				owner.append(List.copyOf(rows));
				rows.clear();
			}
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED && !rows.isEmpty()) {
				// recorded while the transaction was already committing (another synchronization's beforeCommit):
				// too late to join it, so on their own rather than lost
				List<Row> late = List.copyOf(rows);
				rows.clear();
				owner.transactions.executeWithoutResult(s -> owner.append(late));
			}
		}
	}

	@PreDestroy
	void stop() {
		groupCommit.stop();
	}

	/**
	 * Runs the rows' own writes, then appends the rows in order, in the current transaction, holding the
	 * chain lock from then until it ends (the writes come first so that the lock is not held during them).
	 */
	private void append(List<Row> rows) {
		rows.stream().map(Row::write).filter(Objects::nonNull).forEach(Runnable::run);
		// the lock, the chain head, the new ids and hashes and the inserts: one round trip (kernel_audit_append)
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		int n = rows.size();
		String[] actors = new String[n], actions = new String[n], targets = new String[n], details = new String[n],
				ips = new String[n], traceIds = new String[n];
		byte[][] tails = new byte[n][];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			AuditEntry entry = row.entry();
			actors[i] = entry.actor();
			actions[i] = entry.action();
			targets[i] = entry.target();
			details[i] = row.details();
			ips[i] = entry.ip();
			traceIds[i] = row.traceId();
			tails[i] = AuditChain.tail(now, entry.actor(), entry.action(), entry.target(), row.details(), entry.ip(),
					row.traceId());
		}
		jdbc.sql("select kernel_audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(CHAIN_LOCK, Timestamp.from(now), new SqlArrayValue("text", (Object[]) actors),
					new SqlArrayValue("text", (Object[]) actions), new SqlArrayValue("text", (Object[]) targets),
					new SqlArrayValue("text", (Object[]) details), new SqlArrayValue("text", (Object[]) ips),
					new SqlArrayValue("text", (Object[]) traceIds), new SqlArrayValue("bytea", (Object[]) tails))
			.query((rs, rowNum) -> rowNum)
			.list();
	}

	private static String currentActor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return currentRequest() == null ? "system" : "anonymous";
		}
		return authentication.getName();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}
}
