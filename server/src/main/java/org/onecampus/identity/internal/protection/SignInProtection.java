package org.onecampus.identity.internal.protection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.accounts.AccountSessions;
import org.onecampus.identity.internal.protection.LoginThrottles.Counts;
import org.onecampus.identity.internal.protection.LoginThrottles.Kind;
import org.onecampus.identity.internal.protection.LoginThrottles.Throttle;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progressive delays per account, per address and per subnet, and credential-stuffing detection
 * (many logins failing from one address). Unknown logins are counted exactly like known ones, so
 * the answers never tell which accounts exist.
 */
@Service
class SignInProtection {

	static final String FAILURES = "FAILURES";

	static final String CREDENTIAL_STUFFING = "CREDENTIAL_STUFFING";

	private final LoginThrottles throttles;

	private final ProtectionProperties properties;

	private final AuditLog audit;

	private final AccountSessions sessions;

	private final Clock clock;

	SignInProtection(LoginThrottles throttles, ProtectionProperties properties, AuditLog audit,
			AccountSessions sessions, Clock clock) {
		this.throttles = throttles;
		this.sessions = sessions;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Where a password sign-in stands before its password is checked.
	 * @param retryAfter how long the caller must wait before trying again, if it is throttled now
	 * @param forgivable whether its success has failures or an account throttle to forgive; when not, the success
	 * writes nothing for them (a failure recorded meanwhile, by a concurrent attempt, then stays: as if it had come
	 * just after the success)
	 */
	record Standing(Optional<Duration> retryAfter, boolean forgivable) {
	}

	Standing standing(SignInSource source, boolean knownDevice) {
		Instant now = clock.instant();
		LoginThrottles.Standing standing = throttles.standing(source, knownDevice, now);
		return new Standing(standing.blockedUntil().map(until -> Duration.between(now, until)), standing.forgivable());
	}

	/** @return how long the caller must wait before trying again, if it is throttled now */
	Optional<Duration> retryAfter(SignInSource source, boolean knownDevice) {
		return standing(source, knownDevice).retryAfter();
	}

	/**
	 * For the second step of a sign-in and the step-up: refuses a throttled caller.
	 * @throws PlatformException 429 {@code auth.too-many-attempts}, with {@code Retry-After} set on the response
	 */
	void requireNotThrottled(SignInSource source, boolean knownDevice, jakarta.servlet.http.HttpServletResponse response) {
		var wait = retryAfter(source, knownDevice);
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			response.setHeader("Retry-After", Long.toString(seconds));
			throw new PlatformException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "auth.too-many-attempts",
					seconds);
		}
	}

	@Transactional
	void failed(SignInSource source, boolean knownDevice) {
		Instant now = clock.instant();
		Counts counts = throttles.recordFailure(source, now, properties.window());
		block(Kind.ACCOUNT, source.login(), counts.login(), properties.accountFreeFailures(), 0, now);
		if (knownDevice) {
			return;
		}
		block(Kind.SOURCE, source.ip(), counts.source(), properties.sourceFreeFailures(), counts.sourceAccounts(), now);
		block(Kind.SUBNET, source.subnet(), counts.subnet(), properties.subnetFreeFailures(), 0, now);
		if (counts.sourceAccounts() >= properties.stuffingAccounts()) {
			throttles.block(Kind.SOURCE, source.ip(), CREDENTIAL_STUFFING, counts.source(), counts.sourceAccounts(),
					now.plus(properties.stuffingBlock()), now);
			if (counts.sourceAccounts() == properties.stuffingAccounts()) {
				audit.record(new AuditEntry("system", "auth.credential-stuffing-detected", "source:" + source.ip(),
						Map.of("accounts", counts.sourceAccounts(), "failures", counts.source()), source.ip()));
			}
		}
	}

	/** A step-up went through: the login's failures are forgiven. */
	@Transactional
	void succeeded(SignInSource source) {
		throttles.succeeded(source.login());
	}

	/**
	 * A sign-in went through (with its second factor, if it needed one): the login's failures are forgiven and
	 * the session notes where it signed in from, in one transaction.
	 * @param accountId who signed in; null when unknown (nothing to note)
	 * @param session the signed-in session's id; null when there is none (nothing to note)
	 */
	@Transactional
	void signedIn(SignInSource source, UUID accountId, String session, String userAgent) {
		signedIn(source, true, () -> {
		}, accountId, session, userAgent);
	}

	/**
	 * {@link #signedIn(SignInSource, UUID, String, String)} with the success handler's records of the same sign-in
	 * (last sign-in, audit entry, event: {@link SignInAttempt#record}) in the same transaction: one commit.
	 * @param forgivable the attempt's {@link Standing#forgivable()}: without failures to forgive none are deleted
	 */
	@Transactional
	void signedIn(SignInSource source, boolean forgivable, Runnable records, UUID accountId, String session,
			String userAgent) {
		records.run();
		if (forgivable) {
			throttles.succeeded(source.login());
		}
		if (session != null && accountId != null) {
			sessions.signedIn(session, accountId, source.ip(), userAgent);
		}
	}

	List<Throttle> active() {
		return throttles.active(clock.instant(), properties.window());
	}

	@Transactional
	void lift(UUID id) {
		Throttle throttle = throttles.find(id).orElseThrow(() -> PlatformException.notFound("throttle", id));
		throttles.lift(throttle);
		audit.record("identity.throttle-lifted", "throttle:" + throttle.kind() + ":" + throttle.key(),
				Map.of("reason", throttle.reason(), "failures", throttle.failures()));
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void purge() {
		throttles.purge(clock.instant());
	}

	private void block(Kind kind, String key, int failures, int free, int accounts, Instant now) {
		Duration delay = properties.delay(failures, free);
		if (!delay.isZero()) {
			throttles.block(kind, key, FAILURES, failures, accounts, now.plus(delay), now);
		}
	}
}
