package org.onecampus.identity.internal.cas;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ticket-granting, service, proxy and proxy-granting tickets in PostgreSQL. */
@Repository
class CasTickets {

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CasSettings settings;

	CasTickets(JdbcClient jdbc, JsonMapper json, CasSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
	}

	record Tgt(String id, UUID accountId, String username, boolean expired) {
	}

	/** A ticket consumed by validation; {@code tgtUsername} is the person it was issued for. */
	record Ticket(String id, String kind, String tgtId, UUID appId, String service, boolean renewed, List<String> proxies,
			String username, List<String> amr) {

		boolean hasSecondFactor() {
			return amr.contains("otp");
		}
	}

	/** @return the session's active ticket-granting ticket, flagged when past its idle or hard timeout */
	Optional<Tgt> forSession(String sessionId) {
		return jdbc.sql("""
				select id, account_id, username,
				  (expires_at <= now() or last_used_at + make_interval(secs => :idle) <= now()) as expired
				from identity_cas_tgt where session_id = :session and ended_at is null
				order by created_at desc limit 1""")
			.param("session", sessionId).param("idle", (double) settings.tgtIdle.toSeconds())
			.query((rs, n) -> new Tgt(rs.getString("id"), rs.getObject("account_id", UUID.class), rs.getString("username"),
					rs.getBoolean("expired")))
			.optional();
	}

	String createTgt(UUID accountId, String username, String sessionId) {
		String id = newId("TGT");
		jdbc.sql("""
				insert into identity_cas_tgt (id, account_id, username, session_id, expires_at)
				values (:id, :account, :username, :session, now() + make_interval(secs => :hard))""")
			.param("id", id).param("account", accountId).param("username", username).param("session", sessionId)
			.param("hard", (double) settings.tgtHard.toSeconds()).update();
		return id;
	}

	void touch(String tgtId) {
		jdbc.sql("update identity_cas_tgt set last_used_at = now() where id = :id").param("id", tgtId).update();
	}

	/** Ends the ticket-granting ticket. @return whether it was active */
	boolean end(String tgtId) {
		return jdbc.sql("update identity_cas_tgt set ended_at = now() where id = :id and ended_at is null")
			.param("id", tgtId).update() == 1;
	}

	/** @return the active ticket-granting tickets of a session */
	List<String> activeOfSession(String sessionId) {
		return jdbc.sql("select id from identity_cas_tgt where session_id = :session and ended_at is null")
			.param("session", sessionId).query(String.class).list();
	}

	/** The services that validated a service ticket of this ticket-granting ticket: one per ticket. */
	record UsedService(UUID appId, String service, String ticket) {
	}

	List<UsedService> usedServices(String tgtId) {
		return jdbc.sql("""
				select app_id, service, id from identity_cas_ticket
				where tgt_id = :tgt and kind = 'ST' and used_at is not null order by created_at""")
			.param("tgt", tgtId)
			.query((rs, n) -> new UsedService(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
	}

	/** @param amr how the sign-in behind the ticket was made: {@code pwd}, and {@code otp} after a second factor */
	String issue(String kind, String tgtId, UUID appId, String service, boolean renewed, List<String> proxies,
			List<String> amr, Duration ttl) {
		String id = newId(kind);
		jdbc.sql("""
				insert into identity_cas_ticket (id, kind, tgt_id, app_id, service, renewed, proxies, amr, expires_at)
				values (:id, :kind, :tgt, :app, :service, :renewed, cast(:proxies as jsonb), cast(:amr as jsonb),
				  now() + make_interval(secs => :ttl))""")
			.param("id", id).param("kind", kind).param("tgt", tgtId).param("app", appId).param("service", service)
			.param("renewed", renewed).param("proxies", json.writeValueAsString(proxies))
			.param("amr", json.writeValueAsString(amr))
			.param("ttl", ttl.toMillis() / 1000.0).update();
		return id;
	}

	/**
	 * Uses a service or proxy ticket up: it is marked used whether or not the validation that follows
	 * succeeds, so a ticket is good for one validation only.
	 * @return the ticket if it existed, was unused, unexpired, of one of the kinds, and its TGT is active
	 */
	Optional<Ticket> consume(String id, List<String> kinds) {
		return jdbc.sql("""
				update identity_cas_ticket t set used_at = now()
				from identity_cas_tgt g
				where t.id = :id and t.tgt_id = g.id and t.used_at is null and t.expires_at > now()
				  and t.kind in (:kinds) and g.ended_at is null
				returning t.id, t.kind, t.tgt_id, t.app_id, t.service, t.renewed, t.proxies, t.amr, g.username""")
			.param("id", id).param("kinds", kinds)
			.query((rs, n) -> new Ticket(rs.getString("id"), rs.getString("kind"), rs.getString("tgt_id"),
					rs.getObject("app_id", UUID.class), rs.getString("service"), rs.getBoolean("renewed"),
					strings(rs.getString("proxies")), rs.getString("username"), strings(rs.getString("amr"))))
			.optional();
	}

	/** @return an unexpired proxy-granting ticket (not consumed: it is used many times) */
	Optional<Ticket> proxyGranting(String id) {
		return jdbc.sql("""
				select t.id, t.kind, t.tgt_id, t.app_id, t.service, t.renewed, t.proxies, t.amr, g.username
				from identity_cas_ticket t join identity_cas_tgt g on g.id = t.tgt_id
				where t.id = :id and t.kind = 'PGT' and t.expires_at > now() and g.ended_at is null""")
			.param("id", id)
			.query((rs, n) -> new Ticket(rs.getString("id"), rs.getString("kind"), rs.getString("tgt_id"),
					rs.getObject("app_id", UUID.class), rs.getString("service"), rs.getBoolean("renewed"),
					strings(rs.getString("proxies")), rs.getString("username"), strings(rs.getString("amr"))))
			.optional();
	}

	private List<String> strings(String jsonArray) {
		return json.readValue(jsonArray, new TypeReference<List<String>>() {
		});
	}

	static String newId(String kind) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return kind + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
