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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries under a transaction-scoped advisory lock, so that concurrent writers on any
 * number of nodes still form one chain. An entry recorded inside a transaction joins it (kept only if
 * it commits); one recorded outside any transaction goes through the {@link AuditGroupCommit group
 * commit}: it is written with the other entries queued at that moment in one transaction, and
 * {@link #record} returns once that transaction has committed.
 */
@Component
class JdbcAuditLog implements AuditLog {

	/** Advisory lock key for the audit chain ("AUDIT" in ASCII). */
	static final long CHAIN_LOCK = 0x4155444954L;

	private static final String COLUMNS = "(id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash)";

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
		if (TransactionSynchronizationManager.isActualTransactionActive() || !groupCommit.append(row)) {
			transactions.executeWithoutResult(status -> append(List.of(row)));
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
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
		// the chain head and the new ids in one round trip (read after the lock, so the head is the last committed)
		List<Object[]> head = jdbc.sql("""
				select (select hash from kernel_audit_event order by id desc limit 1) as head,
				  nextval('kernel_audit_event_id_seq') as id from generate_series(1, ?)""")
			.param(rows.size())
			.query((rs, n) -> new Object[] { rs.getString("head"), rs.getLong("id") })
			.list();
		String previous = head.get(0)[0] == null ? AuditChain.GENESIS : (String) head.get(0)[0];
		List<Long> ids = head.stream().map(r -> (Long) r[1]).sorted().toList();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		StringBuilder sql = new StringBuilder("insert into kernel_audit_event " + COLUMNS + " values ");
		List<Object> params = new ArrayList<>(rows.size() * 10);
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			AuditEntry entry = row.entry();
			long id = ids.get(i);
			String hash = AuditChain.hash(previous, id, now, entry.actor(), entry.action(), entry.target(), row.details(),
					entry.ip(), row.traceId());
			sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			params.addAll(java.util.Arrays.asList(id, Timestamp.from(now), entry.actor(), entry.action(), entry.target(),
					row.details(), entry.ip(), row.traceId(), previous, hash));
			previous = hash;
		}
		jdbc.sql(sql.toString()).params(params).update();
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
