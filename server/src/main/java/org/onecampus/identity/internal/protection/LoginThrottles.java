package org.onecampus.identity.internal.protection;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins and the throttles they cause, in PostgreSQL so that every node sees the same state.
 * A throttle is a row per (kind, key) with the time until which that key is refused.
 */
@Repository
class LoginThrottles {

	enum Kind {
		ACCOUNT, SOURCE, SUBNET
	}

	/** A throttle as administrators see it. */
	record Throttle(UUID id, Kind kind, String key, String reason, int failures, int accounts, Instant blockedUntil,
			Instant updatedAt) {
	}

	/** The counts within the window after a failure was recorded. */
	record Counts(int login, int source, int subnet, int sourceAccounts) {
	}

	private final JdbcClient jdbc;

	LoginThrottles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Counts recordFailure(SignInSource source, Instant now, Duration window) {
		jdbc.sql("insert into identity_login_failure (occurred_at, login, source_ip, subnet) values (:at, :login, :ip, :subnet)")
			.param("at", at(now)).param("login", source.login()).param("ip", source.ip()).param("subnet", source.subnet())
			.update();
		OffsetDateTime since = at(now.minus(window));
		return jdbc.sql("""
				select (select count(*) from identity_login_failure where login = :login and occurred_at > :since) as login_failures,
				       (select count(*) from identity_login_failure where source_ip = :ip and occurred_at > :since) as source_failures,
				       (select count(*) from identity_login_failure where subnet = :subnet and occurred_at > :since) as subnet_failures,
				       (select count(distinct login) from identity_login_failure where source_ip = :ip and occurred_at > :since) as accounts""")
			.param("login", source.login()).param("ip", source.ip()).param("subnet", source.subnet()).param("since", since)
			.query((rs, n) -> new Counts(rs.getInt("login_failures"), rs.getInt("source_failures"),
					rs.getInt("subnet_failures"), rs.getInt("accounts")))
			.single();
	}

	/** Places or extends a throttle; a longer block already in place is kept. */
	void block(Kind kind, String key, String reason, int failures, int accounts, Instant until, Instant now) {
		jdbc.sql("""
				insert into identity_login_throttle (id, kind, throttle_key, reason, failures, accounts, blocked_until, updated_at)
				values (:id, :kind, :key, :reason, :failures, :accounts, :until, :now)
				on conflict (kind, throttle_key) do update set
				  reason = case when identity_login_throttle.reason = 'CREDENTIAL_STUFFING'
				                 and identity_login_throttle.blocked_until > :now then identity_login_throttle.reason
				                else excluded.reason end,
				  failures = excluded.failures, accounts = excluded.accounts, updated_at = excluded.updated_at,
				  blocked_until = greatest(identity_login_throttle.blocked_until, excluded.blocked_until)""")
			.param("id", UUID.randomUUID()).param("kind", kind.name()).param("key", key).param("reason", reason)
			.param("failures", failures).param("accounts", accounts).param("until", at(until)).param("now", at(now))
			.update();
	}

	/**
	 * Where a sign-in attempt stands before its password is checked.
	 * @param blockedUntil the latest time until which any of its keys is refused, if one is refused now
	 * @param forgivable whether its login has failures or an account throttle that a success would forgive
	 */
	record Standing(Optional<Instant> blockedUntil, boolean forgivable) {
	}

	/** @return the attempt's {@link Standing} at {@code now}, in one statement */
	Standing standing(SignInSource source, boolean knownDevice, Instant now) {
		return jdbc.sql("""
				select (select max(blocked_until) from identity_login_throttle where blocked_until > :now and (
				          (kind = 'ACCOUNT' and throttle_key = :login)
				          or (not :device and kind = 'SOURCE' and throttle_key = :ip)
				          or (not :device and kind = 'SUBNET' and throttle_key = :subnet))) as blocked_until,
				       exists (select 1 from identity_login_failure where login = :login)
				       or exists (select 1 from identity_login_throttle where kind = 'ACCOUNT' and throttle_key = :login)
				         as forgivable""")
			.param("now", at(now)).param("login", source.login()).param("ip", source.ip())
			.param("subnet", source.subnet()).param("device", knownDevice)
			.query((rs, n) -> new Standing(
					Optional.ofNullable(rs.getObject("blocked_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
					rs.getBoolean("forgivable")))
			.single();
	}

	/** A successful sign-in forgives that login's failures (never the address's). */
	void succeeded(String login) {
		jdbc.sql("""
				with failures as (delete from identity_login_failure where login = :login)
				delete from identity_login_throttle where kind = 'ACCOUNT' and throttle_key = :login""")
			.param("login", login).update();
	}

	List<Throttle> active(Instant now, Duration window) {
		return jdbc.sql("""
				select id, kind, throttle_key, reason, failures, accounts, blocked_until, updated_at
				from identity_login_throttle where blocked_until > :now or updated_at > :since
				order by blocked_until desc, kind, throttle_key""")
			.param("now", at(now)).param("since", at(now.minus(window)))
			.query((rs, n) -> new Throttle(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
					rs.getString("throttle_key"), rs.getString("reason"), rs.getInt("failures"), rs.getInt("accounts"),
					rs.getObject("blocked_until", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	Optional<Throttle> find(UUID id) {
		return jdbc.sql("""
				select id, kind, throttle_key, reason, failures, accounts, blocked_until, updated_at
				from identity_login_throttle where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Throttle(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
					rs.getString("throttle_key"), rs.getString("reason"), rs.getInt("failures"), rs.getInt("accounts"),
					rs.getObject("blocked_until", OffsetDateTime.class).toInstant(),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Lifts a throttle and forgets the failures behind it, so that the next failure starts afresh. */
	void lift(Throttle throttle) {
		String column = switch (throttle.kind()) {
			case ACCOUNT -> "login";
			case SOURCE -> "source_ip";
			case SUBNET -> "subnet";
		};
		jdbc.sql("delete from identity_login_failure where " + column + " = :key").param("key", throttle.key()).update();
		jdbc.sql("delete from identity_login_throttle where id = :id").param("id", throttle.id()).update();
	}

	/** Forgets failures and throttles older than a day; the audit log keeps the history. */
	int purge(Instant now) {
		OffsetDateTime before = at(now.minus(Duration.ofDays(1)));
		int failures = jdbc.sql("delete from identity_login_failure where occurred_at < :before").param("before", before).update();
		return failures + jdbc.sql("delete from identity_login_throttle where blocked_until < :before and updated_at < :before")
			.param("before", before).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
