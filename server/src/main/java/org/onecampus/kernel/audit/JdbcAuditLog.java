package org.onecampus.kernel.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.kernel.web.TraceIds;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends entries under a transaction-scoped advisory lock, so that concurrent writers on any
 * number of nodes still form one chain.
 */
@Component
class JdbcAuditLog implements AuditLog {

	/** Advisory lock key for the audit chain ("AUDIT" in ASCII). */
	static final long CHAIN_LOCK = 0x4155444954L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.json = json;
	}

	@Override
	public void record(String action, String target, Map<String, ?> details) {
		HttpServletRequest request = currentRequest();
		record(new AuditEntry(currentActor(), action, target, details, request == null ? null : request.getRemoteAddr()));
	}

	@Override
	public void record(AuditEntry entry) {
		HttpServletRequest request = currentRequest();
		String traceId = request == null ? null : TraceIds.current(request);
		String details = entry.details() == null || entry.details().isEmpty() ? null : json.writeValueAsString(entry.details());
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
			// under the chain lock: the last hash and the next id in one round trip
			Map.Entry<String, Long> next = jdbc.sql("""
					select (select hash from kernel_audit_event order by id desc limit 1) as previous,
					  nextval('kernel_audit_event_id_seq') as id""")
				.query((rs, n) -> Map.entry(Objects.requireNonNullElse(rs.getString("previous"), AuditChain.GENESIS),
						rs.getLong("id")))
				.single();
			String previous = next.getKey();
			long id = next.getValue();
			Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
			String hash = AuditChain.hash(previous, id, now, entry.actor(), entry.action(), entry.target(), details,
					entry.ip(), traceId);
			jdbc.sql("""
					insert into kernel_audit_event (id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash)
					values (:id, :at, :actor, :action, :target, :details, :ip, :traceId, :prev, :hash)""")
				.param("id", id)
				.param("at", java.sql.Timestamp.from(now))
				.param("actor", entry.actor())
				.param("action", entry.action())
				.param("target", entry.target())
				.param("details", details)
				.param("ip", entry.ip())
				.param("traceId", traceId)
				.param("prev", previous)
				.param("hash", hash)
				.update();
		});
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
