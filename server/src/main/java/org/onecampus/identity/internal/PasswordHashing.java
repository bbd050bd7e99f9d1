package org.onecampus.identity.internal;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.onecampus.identity.internal.passwords.LegacyPasswordHashes;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the OWASP parameters (m=19 MiB, t=2, p=1) — computed by the system's libargon2 when
 * present ({@link NativeArgon2id}), by BouncyCastle otherwise; both read and write the same encoded form —
 * with at most a bounded number of hashes computed at once so that a login storm queues instead of
 * exhausting memory. Imported legacy hashes (MD5, SHA-1, bcrypt) are accepted and reported as needing an
 * upgrade, so that the sign-in stores an Argon2id hash in their place.
 * <p>
 * The bound is a fixed set of hashing threads ({@code argon2-hasher-N}, one per allowed hash) that every
 * caller hands its hash to, first come first served. Not a semaphore on the callers' own threads: each
 * hash needs 19 MiB, and the C allocator keeps the block of the last hash in each of its arenas (one per
 * thread, up to eight per core), so hashes spread over a web server's many request threads leave a 19 MiB
 * block behind on every one of them: on two cores, after the same sign-ins from a fresh start, request threads
 * that took turns hashing held 818 MB resident against 608 MB with two hashing threads, and 911 MB after a longer
 * load ({@code docs/benchmarks.md}, sessions 8 and 9). With the bound on threads
 * the memory of hashing is the bound times 19 MiB, on any number of cores.
 */
final class PasswordHashing implements PasswordEncoder, AutoCloseable {

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	private final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, PARALLELISM, MEMORY_KIB, ITERATIONS);

	/** The same Argon2id in C when the system has libargon2 (faster); BouncyCastle's {@link #argon2} otherwise. */
	private final Optional<NativeArgon2id> fast;

	/** The hashing threads; their queue is where a login storm waits. */
	private final ExecutorService hashers;

	private final int maxConcurrent;

	private final LegacyPasswordHashes legacy = new LegacyPasswordHashes();

	PasswordHashing(int maxConcurrent) {
		this(maxConcurrent, NativeArgon2id.load());
	}

	PasswordHashing(int maxConcurrent, Optional<NativeArgon2id> fast) {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("at least one hash at once, not " + maxConcurrent);
		}
		AtomicInteger created = new AtomicInteger();
		this.hashers = Executors.newFixedThreadPool(maxConcurrent, work -> {
			Thread thread = new Thread(work, "argon2-hasher-" + created.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
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

	/** Stops the hashing threads once the hashes already asked for are done (the application is stopping). */
	@Override
	public void close() {
		hashers.shutdown();
	}

	/**
	 * Runs {@code work} on a hashing thread and waits for it. An interrupt does not abandon the hash (the
	 * sign-in it belongs to is still being answered): the caller waits on and keeps its interrupt flag.
	 */
	private <T> T bounded(Supplier<T> work) {
		Future<T> result = hashers.submit(work::get);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return result.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
