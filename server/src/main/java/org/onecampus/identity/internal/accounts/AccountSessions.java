package org.onecampus.identity.internal.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's active browser sessions (Spring Session JDBC's {@code kernel_session}) with the address
 * and browser they were signed in from, and ending them. A session is named by Spring Session's
 * primary id, never by its cookie value.
 */
@Service
public class AccountSessions {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	AccountSessions(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** One session. {@code ip}, {@code userAgent} and {@code signedInAt} are null for sessions older than this feature. */
	public record ActiveSession(String id, boolean current, Instant createdAt, Instant lastAccessAt, Instant expiresAt,
			String ip, String userAgent, Instant signedInAt) {
	}

	/** Notes where a session just signed in from, and as which account; called once per successful sign-in. */
	public void signedIn(String sessionId, UUID accountId, String ip, String userAgent) {
		jdbc.sql("""
				insert into identity_session_device (session_id, account_id, ip, user_agent)
				values (:session, :account, :ip, :ua)
				on conflict (session_id) do update set account_id = excluded.account_id, ip = excluded.ip,
				  user_agent = excluded.user_agent, signed_in_at = now()""")
			.param("session", sessionId).param("account", accountId).param("ip", ip)
			.param("ua", userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length())))
			.update();
	}

	/**
	 * @param accountId whose sessions; not null
	 * @param currentSessionId the caller's own session id, to mark it; may be null
	 */
	public List<ActiveSession> of(UUID accountId, String currentSessionId) {
		return jdbc.sql("""
				select s.primary_id, s.session_id, s.creation_time, s.last_access_time, s.expiry_time,
				       d.ip, d.user_agent, d.signed_in_at
				from kernel_session s join identity_account a on a.username = s.principal_name
				left join identity_session_device d on d.session_id = s.session_id
				where a.id = :account and s.expiry_time > :now
				order by s.last_access_time desc""")
			.param("account", accountId).param("now", System.currentTimeMillis())
			.query((rs, n) -> new ActiveSession(rs.getString("primary_id").trim(),
					rs.getString("session_id").trim().equals(currentSessionId),
					Instant.ofEpochMilli(rs.getLong("creation_time")), Instant.ofEpochMilli(rs.getLong("last_access_time")),
					Instant.ofEpochMilli(rs.getLong("expiry_time")), rs.getString("ip"), rs.getString("user_agent"),
					rs.getTimestamp("signed_in_at") == null ? null : rs.getTimestamp("signed_in_at").toInstant()))
			.list();
	}

	/**
	 * Ends one session of the account, audited.
	 * @throws PlatformException 404 when the account has no such session
	 */
	@Transactional
	public void end(UUID accountId, String sessionPrimaryId) {
		Optional<String> sessionId = jdbc.sql("""
				select s.session_id from kernel_session s join identity_account a on a.username = s.principal_name
				where a.id = :account and s.primary_id = :id""")
			.param("account", accountId).param("id", sessionPrimaryId).query(String.class).optional();
		if (sessionId.isEmpty()) {
			throw PlatformException.notFound("session", sessionPrimaryId);
		}
		jdbc.sql("delete from kernel_session where primary_id = :id").param("id", sessionPrimaryId).update();
		jdbc.sql("delete from identity_session_device where session_id = :id").param("id", sessionId.get()).update();
		audit.record("identity.session-ended", "account:" + accountId, Map.of("session", sessionPrimaryId));
	}

	/**
	 * Ends every session of the account, audited.
	 * @return how many sessions ended
	 */
	@Transactional
	public int endAll(UUID accountId) {
		List<String> ended = jdbc.sql("""
				delete from kernel_session s using identity_account a
				where a.id = :account and a.username = s.principal_name returning s.session_id""")
			.param("account", accountId).query(String.class).list();
		if (!ended.isEmpty()) {
			jdbc.sql("delete from identity_session_device where session_id in (:ids)").param("ids", ended).update();
		}
		audit.record("identity.sessions-ended", "account:" + accountId, Map.of("sessions", ended.size()));
		return ended.size();
	}

	/** Forgets the devices of sessions that have ended. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void purge() {
		jdbc.sql("""
				delete from identity_session_device d
				where not exists (select 1 from kernel_session s where s.session_id = d.session_id)
				  and d.signed_in_at < now() - interval '1 day'""").update();
	}
}
