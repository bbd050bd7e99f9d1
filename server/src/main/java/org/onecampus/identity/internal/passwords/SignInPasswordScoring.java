package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weak-password governance: at each successful sign-in the password just typed is scored against
 * the policy and only the score and a weak flag are kept, never the password or anything derived
 * from it that could help guess it.
 * <p>
 * The scoring (zxcvbn, the person's identifiers with the decrypted 身份证) is not on the sign-in's
 * path: {@link #score} hands it to one background thread with a bounded queue, so a sign-in answers
 * as soon as the password is verified and a login storm does not pay for it twice. A password whose
 * stored hash was already scored in the last {@link #RESCORE_AFTER} is not scored again (a new
 * password, an imported hash or a re-hash changes the stored hash and is scored at its first
 * sign-in). The sign-in's own account lookup tells which hash is stored and whether it was scored
 * ({@link StoredPassword}), so a sign-in whose password was scored recently is not even handed to the
 * thread. When the queue is full the score is skipped; the next sign-in scores again, as after a failed
 * score.
 */
@Component
public class SignInPasswordScoring implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SignInPasswordScoring.class);

	/** How long a scored password (as identified by its stored hash) is not scored again. */
	static final Duration RESCORE_AFTER = Duration.ofHours(24);

	private static final int QUEUE = 1_000;

	private static final int REMEMBERED = 100_000;

	private final JdbcClient jdbc;

	private final PasswordRecords records;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(QUEUE), runnable -> {
				Thread thread = new Thread(runnable, "sign-in-password-scoring");
				thread.setDaemon(true);
				thread.setPriority(Thread.MIN_PRIORITY);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	/** Account id → when which stored hash was scored (a digest of it, so no hash is kept here twice). */
	private final Map<UUID, Scored> scored = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<UUID, Scored> eldest) {
			return size() > REMEMBERED;
		}
	});

	/** How many sign-ins were handed to the background thread (the others were known to be scored). */
	private final AtomicLong handedOver = new AtomicLong();

	private record Scored(int hashDigest, Instant at) {
	}

	/**
	 * What a sign-in's account lookup saw of the stored password.
	 * @param hashDigest a digest of the stored hash (not the hash: it is only compared with the one scored last)
	 * @param scored whether the account has a score
	 */
	public record StoredPassword(int hashDigest, boolean scored) {

		/** @param hash the stored hash as read; null when there is none */
		public static StoredPassword of(String hash, boolean scored) {
			return new StoredPassword(digest(hash), scored);
		}
	}

	SignInPasswordScoring(JdbcClient jdbc, PasswordRecords records, PasswordPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Scores the password in the background (see the class comment); returns at once.
	 * @param accountId the account that just signed in, whichever of its identifiers was typed; not null
	 * @param password what was typed; null is ignored
	 * @param stored what the sign-in's account lookup saw of the stored password, if it noted it: when that hash
	 * was scored recently nothing more is done; without it the background thread reads the account to decide
	 */
	public void score(UUID accountId, String password, Optional<StoredPassword> stored) {
		if (password != null && !stored.map(s -> scoredRecently(accountId, s, clock.instant())).orElse(false)) {
			handedOver.incrementAndGet();
			worker.execute(() -> scoreNow(accountId, password));
		}
	}

	/** @return how many sign-ins were handed to the background thread since start */
	long handedOver() {
		return handedOver.get();
	}

	/** Scores on the caller's thread: what the background thread does for each sign-in. */
	void scoreNow(UUID accountId, String password) {
		Optional<Account> found = jdbc.sql("""
				select id, password_hash, password_scored_at is not null as scored
				from identity_account where id = :id""")
			.param("id", accountId)
			.query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("password_hash"),
					rs.getBoolean("scored")))
			.optional();
		if (found.isEmpty()) {
			return;
		}
		Account account = found.get();
		int hashDigest = digest(account.hash());
		Instant now = clock.instant();
		if (scoredRecently(account.id(), new StoredPassword(hashDigest, account.scored()), now)) {
			return;
		}
		try {
			PasswordAssessment assessment = policy.assess(password, records.facts(account.id()));
			boolean weak = assessment.score() < policy.properties().weakScore() || assessment.problems().stream()
				.anyMatch(p -> p == PasswordProblem.PERSONAL || p == PasswordProblem.COMMON || p == PasswordProblem.PATTERN);
			jdbc.sql("""
					update identity_account set password_score = :score, password_weak = :weak, password_scored_at = now()
					where id = :id""")
				.param("score", assessment.score()).param("weak", weak).param("id", account.id()).update();
			scored.put(account.id(), new Scored(hashDigest, now));
		}
		catch (RuntimeException ex) {
			// The person is signed in; a failed score must not undo that. The next sign-in scores again.
			log.warn("Could not score the sign-in password of account {}", account.id(), ex);
		}
	}

	/** Whether this node scored that stored hash of the account within {@link #RESCORE_AFTER} and the score is stored. */
	private boolean scoredRecently(UUID accountId, StoredPassword stored, Instant now) {
		Scored before = scored.get(accountId);
		return stored.scored() && before != null && before.hashDigest() == stored.hashDigest()
				&& before.at().plus(RESCORE_AFTER).isAfter(now);
	}

	private static int digest(String hash) {
		return String.valueOf(hash).hashCode();
	}

	private record Account(UUID id, String hash, boolean scored) {
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}
}
