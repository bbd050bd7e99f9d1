package org.onecampus.identity.internal.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.PasswordResetRequested;
import org.onecampus.identity.PasswordResets;
import org.onecampus.identity.internal.passwords.PasswordChanges;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. A request makes a 6-digit code valid for {@link #VALID} and publishes
 * {@link PasswordResetRequested} for the messaging module, which fetches the code once through
 * {@link PasswordResets#codeFor(UUID)}. Only an HMAC of the code stays at rest. A request for an
 * unknown login, a login without the chosen contact, or one over the per-account limit is stored as
 * a decoy that answers and fails like a real one, so the answer never tells whether an account exists.
 * {@link #MAX_ATTEMPTS} wrong codes burn a request; a used one cannot be used again.
 */
@Service
class PasswordResetRequests implements PasswordResets {

	static final Duration VALID = Duration.ofMinutes(10);

	static final int MAX_ATTEMPTS = 5;

	/** Requests per account per {@link #WINDOW}; more are silently not sent. */
	static final int PER_ACCOUNT = 3;

	/** Requests per client address per {@link #WINDOW}; more are refused with 429. */
	static final int PER_IP = 10;

	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final FieldCipher codes;

	private final PasswordChanges passwords;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	PasswordResetRequests(JdbcClient jdbc, DataKeys dataKeys, PasswordChanges passwords,
			ApplicationEventPublisher events, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.codes = new FieldCipher(dataKeys, "identity.password-reset");
		this.passwords = passwords;
		this.events = events;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @param login a username or an e-mail address
	 * @param channel {@code email} or {@code sms}
	 * @return the request's id, the same kind of answer whether or not the login exists
	 * @throws PlatformException 422 for a blank login or an unknown channel, 429 {@code password-reset.too-many}
	 * when this address asked too often
	 */
	UUID request(String login, String channel, String ip) {
		if (login == null || login.isBlank() || login.length() > 254) {
			throw PlatformException.invalid(List.of(new FieldProblem("login", "NotBlank")));
		}
		if (!"email".equals(channel) && !"sms".equals(channel)) {
			throw PlatformException.invalid(List.of(new FieldProblem("channel", "password-reset.channel")));
		}
		return transaction.execute(status -> {
			Instant now = clock.instant();
			long fromIp = jdbc.sql("select count(*) from identity_password_reset where ip = :ip and created_at > :since")
				.param("ip", ip).param("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC)).query(Long.class).single();
			if (fromIp >= PER_IP) {
				throw new PlatformException(HttpStatus.TOO_MANY_REQUESTS, "password-reset.too-many");
			}
			Optional<Target> target = target(login.trim(), channel)
				.filter(t -> jdbc.sql("""
						select count(*) from identity_password_reset where account_id = :a and created_at > :since""")
					.param("a", t.accountId()).param("since", now.minus(WINDOW).atOffset(ZoneOffset.UTC))
					.query(Long.class).single() < PER_ACCOUNT);
			UUID id = UUID.randomUUID();
			String code = "%06d".formatted(random.nextInt(1_000_000));
			jdbc.sql("""
					insert into identity_password_reset (id, account_id, channel, code_hash, code_cipher, ip, created_at, expires_at)
					values (:id, :account, :channel, :hash, :cipher, :ip, :created, :expires)""")
				.param("id", id).param("account", target.map(Target::accountId).orElse(null)).param("channel", channel)
				.param("hash", hash(id, code)).param("cipher", target.isPresent() ? codes.encrypt(code) : null)
				.param("ip", ip).param("created", now.atOffset(ZoneOffset.UTC))
				.param("expires", now.plus(VALID).atOffset(ZoneOffset.UTC)).update();
			target.ifPresent(t -> {
				audit.record(new AuditEntry(t.username(), "identity.password-reset-requested", "account:" + t.accountId(),
						Map.of("channel", channel), ip));
				events.publishEvent(new PasswordResetRequested(id, t.personId(), t.username(), channel,
						(int) VALID.toMinutes()));
			});
			return id;
		});
	}

	@Override
	public Optional<String> codeFor(UUID requestId) {
		return jdbc.sql("""
				with taken as (
				  select id, code_cipher from identity_password_reset
				  where id = :id and code_cipher is not null and used_at is null and expires_at > :now for update)
				update identity_password_reset r set code_cipher = null from taken where r.id = taken.id
				returning taken.code_cipher""")
			.param("id", requestId).param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.query(String.class).optional().map(codes::decrypt);
	}

	/**
	 * Sets the new password when the code is right. A wrong code counts against the request (and the
	 * count is kept though the call fails); the last allowed wrong try burns it.
	 * @throws PlatformException 400 {@code password-reset.invalid-code} for a wrong, expired, used,
	 * burned or unknown request; 422 when the new password breaks the policy (the code stays usable)
	 */
	void complete(UUID id, String code, String newPassword, String ip) {
		boolean done = Boolean.TRUE.equals(transaction.execute(status -> {
			Instant now = clock.instant();
			Optional<Pending> pending = jdbc.sql("""
					select account_id, code_hash, attempts from identity_password_reset
					where id = :id and used_at is null and expires_at > :now for update""")
				.param("id", id).param("now", now.atOffset(ZoneOffset.UTC))
				.query((rs, n) -> new Pending(rs.getObject("account_id", UUID.class), rs.getString("code_hash"),
						rs.getInt("attempts")))
				.optional();
			if (pending.isEmpty()) {
				return false;
			}
			boolean right = code != null && MessageDigest.isEqual(hash(id, code).getBytes(StandardCharsets.US_ASCII),
					pending.get().codeHash().getBytes(StandardCharsets.US_ASCII));
			if (!right || pending.get().accountId() == null) {
				jdbc.sql("""
						update identity_password_reset set attempts = attempts + 1,
						  used_at = case when attempts + 1 >= :max then :now else used_at end
						where id = :id""")
					.param("max", MAX_ATTEMPTS).param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
				return false;
			}
			passwords.reset(pending.get().accountId(), newPassword, ip);
			jdbc.sql("update identity_password_reset set used_at = :now, code_cipher = null where id = :id")
				.param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
			return true;
		}));
		if (!done) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "password-reset.invalid-code");
		}
	}

	private String hash(UUID id, String code) {
		return codes.digest(id + ":" + code.trim());
	}

	private Optional<Target> target(String login, String channel) {
		List<Target> found = jdbc.sql("""
				select a.id, a.person_id, a.username from identity_account a join identity_person p on p.id = a.person_id
				where a.enabled and (lower(a.username) = lower(:login) or lower(p.email) = lower(:login))
				  and (case when :channel = 'email' then p.email else p.phone end) is not null
				limit 2""")
			.param("login", login).param("channel", channel)
			.query((rs, n) -> new Target(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getString("username")))
			.list();
		return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
	}

	private record Target(UUID accountId, UUID personId, String username) {
	}

	private record Pending(UUID accountId, String codeHash, int attempts) {
	}
}
