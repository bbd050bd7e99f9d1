package org.onecampus.identity.internal;

import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.onecampus.identity.internal.passwords.LegacyPasswordHashes;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the OWASP parameters (m=19 MiB, t=2, p=1) — computed by the system's libargon2 when
 * present ({@link NativeArgon2id}), by BouncyCastle otherwise; both read and write the same encoded form —
 * with at most a bounded number of hashes
 * computed at once so that a login storm queues instead of exhausting memory. Imported legacy
 * hashes (MD5, SHA-1, bcrypt) are accepted and reported as needing an upgrade, so that the sign-in
 * stores an Argon2id hash in their place.
 */
final class PasswordHashing implements PasswordEncoder {

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);

	/** The same Argon2id in C when the system has libargon2 (faster); BouncyCastle's {@link #argon2} otherwise. */
	private final Optional<NativeArgon2id> fast;

	private final Semaphore permits;

	private final int maxConcurrent;

	private final LegacyPasswordHashes legacy = new LegacyPasswordHashes();

	PasswordHashing(int maxConcurrent) {
		this(maxConcurrent, NativeArgon2id.load());
	}

	PasswordHashing(int maxConcurrent, Optional<NativeArgon2id> fast) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("at least one hash at once, not " + maxConcurrent);
		}
		this.permits = new Semaphore(maxConcurrent, true);
		this.maxConcurrent = maxConcurrent;
		this.fast = fast;
	}

	/** @return {@code configured} when positive, else one per core */
	static int concurrencyFor(int configured) {
		return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
	}

	/** @return how many hashes are computed at once at most */
	int concurrency() {
		return maxConcurrent;
	}

	/** @return which implementation computes Argon2id here, for the start-up log and the benchmarks */
	String implementation() {
		return fast.isPresent() ? "libargon2 (native)" : "BouncyCastle";
	}

	@Override
	public String encode(CharSequence raw) {
		return bounded(() -> fast.map(f -> f.encode(raw, MEMORY_KIB, ITERATIONS, PARALLELISM)).orElseGet(() -> argon2.encode(raw)));
	}

	@Override
	public boolean matches(CharSequence raw, String encoded) {
		if (legacy.recognises(encoded)) {
			return bounded(() -> legacy.matches(raw, encoded));
		}
		return bounded(() -> fast.flatMap(f -> f.matches(raw, encoded)).orElseGet(() -> argon2.matches(raw, encoded)));
	}

	@Override
	public boolean upgradeEncoding(String encoded) {
		return legacy.recognises(encoded) || argon2.upgradeEncoding(encoded);
	}

	private <T> T bounded(java.util.function.Supplier<T> work) {
		permits.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			permits.release();
		}
	}
}
