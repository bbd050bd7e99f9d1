package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The password policy in force: what an administrator saved on the policies page, or the
 * configuration's {@code onecampus.identity.password.*} until someone does. Every node re-reads the
 * saved policy at most {@link #REFRESH} after another node changed it; the node that saved it sees
 * the change as soon as it commits.
 */
@Component
class PasswordPolicySettings {

	static final Duration REFRESH = Duration.ofSeconds(10);

	private final PasswordPolicyProperties defaults;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Cached cached;

	PasswordPolicySettings(PasswordPolicyProperties defaults, JdbcClient jdbc, Clock clock) {
		this.defaults = defaults;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The configuration's policy, which applies while nothing is saved. */
	PasswordPolicyProperties defaults() {
		return defaults;
	}

	/** The policy in force now. */
	PasswordPolicyProperties current() {
		Cached seen = cached;
		Instant now = clock.instant();
		if (seen == null || seen.loadedAt().plus(REFRESH).isBefore(now)) {
			seen = new Cached(load().map(Saved::policy).orElse(defaults), now);
			cached = seen;
		}
		return seen.policy();
	}

	/** The saved policy with its version, or empty when the configuration's applies (version 0). */
	Optional<Saved> load() {
		return jdbc.sql("""
				select min_length, max_length, min_classes, history, max_age_days, min_score, weak_score,
				       version, updated_at, updated_by
				from identity_password_policy where id = 1""")
			.query((rs, n) -> new Saved(
					new PasswordPolicyProperties(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
							rs.getInt(6), rs.getInt(7)),
					rs.getInt(8), rs.getTimestamp(9).toInstant(), rs.getObject(10, UUID.class)))
			.optional();
	}

	/**
	 * Saves the policy if nobody saved another one since {@code expectedVersion} was read.
	 * @return the saved policy with its new version
	 * @throws PlatformException 409 {@code identity.password-policy.stale} when someone else saved first
	 */
	@Transactional
	Saved save(PasswordPolicyProperties policy, int expectedVersion, UUID by) {
		String sql = expectedVersion == 0 ? """
				insert into identity_password_policy (id, min_length, max_length, min_classes, history, max_age_days,
				       min_score, weak_score, version, updated_at, updated_by)
				values (1, :minLength, :maxLength, :minClasses, :history, :maxAgeDays, :minScore, :weakScore, 1, :now, :by)
				on conflict (id) do nothing""" : """
				update identity_password_policy set min_length = :minLength, max_length = :maxLength,
				       min_classes = :minClasses, history = :history, max_age_days = :maxAgeDays, min_score = :minScore,
				       weak_score = :weakScore, version = version + 1, updated_at = :now, updated_by = :by
				where id = 1 and version = :expected""";
		int rows = jdbc.sql(sql)
			.param("minLength", policy.minLength())
			.param("maxLength", policy.maxLength())
			.param("minClasses", policy.minClasses())
			.param("history", policy.history())
			.param("maxAgeDays", policy.maxAgeDays())
			.param("minScore", policy.minScore())
			.param("weakScore", policy.weakScore())
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("by", by)
			.param("expected", expectedVersion)
			.update();
		// No row changed: another administrator saved first (or the version was never read).
		if (rows == 0) {
			throw PlatformException.conflict("identity.password-policy.stale");
		}
		Saved saved = load().orElseThrow();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				cached = null;
			}
		});
		return saved;
	}

	/** Drops the cached policy, so the next read goes to the database. */
	void forgetCached() {
		cached = null;
	}

	record Saved(PasswordPolicyProperties policy, int version, Instant updatedAt, UUID updatedBy) {
	}

	private record Cached(PasswordPolicyProperties policy, Instant loadedAt) {
	}
}
