package org.onecampus.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The native Argon2id (the system's libargon2) against BouncyCastle's through Spring Security's encoder:
 * the same parameters give the same hashes, so every stored hash keeps verifying whichever computes it.
 * The machines that build OneCampus have libargon2 (Debian libargon2-1); the tests require it.
 */
class NativeArgon2idTests {

	static final String PASSWORD = "Xq7!campus-Demo";

	final NativeArgon2id nativeArgon2 = NativeArgon2id.load().orElseThrow(
			() -> new AssertionError("libargon2 (Debian package libargon2-1) is needed on the build machine"));

	final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(16, 32, PasswordHashing.PARALLELISM,
			PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS);

	@Test
	void aHashStoredByBouncyCastleVerifiesNatively() {
		String stored = bouncyCastle.encode(PASSWORD);
		assertThat(nativeArgon2.matches(PASSWORD, stored)).contains(true);
		assertThat(nativeArgon2.matches(PASSWORD + "x", stored)).contains(false);
		assertThat(nativeArgon2.matches("", stored)).contains(false);
	}

	@Test
	void aNativeHashHasTheSameFormAndVerifiesWithBouncyCastle() {
		String stored = nativeArgon2.encode(PASSWORD, PasswordHashing.MEMORY_KIB, PasswordHashing.ITERATIONS,
				PasswordHashing.PARALLELISM);
		assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(bouncyCastle.matches(PASSWORD, stored)).isTrue();
		assertThat(bouncyCastle.matches("Xq7!campus-Demo ", stored)).isFalse();
		assertThat(bouncyCastle.upgradeEncoding(stored)).isFalse();
	}

	@Test
	void otherParametersAndHashLengthsAreHonoured() {
		Argon2PasswordEncoder other = new Argon2PasswordEncoder(8, 16, 1, 4096, 3);
		String stored = other.encode("中文密码-123");
		assertThat(nativeArgon2.matches("中文密码-123", stored)).contains(true);
		assertThat(nativeArgon2.matches("中文密码-124", stored)).contains(false);
	}

	@Test
	void whatItDoesNotReadIsLeftToTheOtherImplementation() {
		assertThat(nativeArgon2.matches(PASSWORD, null)).isEmpty();
		assertThat(nativeArgon2.matches(PASSWORD, "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isEmpty();
		assertThat(nativeArgon2.matches(PASSWORD, "$argon2id$v=16$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")).isEmpty();
		assertThat(nativeArgon2.matches(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$%%%$aGFzaA")).isEmpty();
		assertThat(nativeArgon2.matches(PASSWORD, "{bcrypt}$2a$10$abcdefghijklmnopqrstuv")).isEmpty();
	}

	@Test
	void passwordHashingUsesItAndStillAcceptsLegacyHashes() {
		PasswordHashing hashing = new PasswordHashing(2, Optional.of(nativeArgon2));
		assertThat(hashing.implementation()).isEqualTo("libargon2 (native)");
		String stored = hashing.encode(PASSWORD);
		assertThat(bouncyCastle.matches(PASSWORD, stored)).isTrue();
		assertThat(hashing.matches(PASSWORD, bouncyCastle.encode(PASSWORD))).isTrue();
		assertThat(hashing.matches("wrong", stored)).isFalse();
		// Without the library the same stored hash still verifies (BouncyCastle).
		assertThat(new PasswordHashing(2, Optional.empty()).matches(PASSWORD, stored)).isTrue();
	}

	/**
	 * A storm of sign-ins from many request threads: at most the configured number of hashes at once, and
	 * all of them on that many hashing threads, whichever thread asked (each hashing thread's 19 MiB block
	 * stays warm from one hash to the next instead of one block per request thread).
	 */
	@Test
	void noMoreHashesRunAtOnceThanConfiguredAllOnThatManyHashingThreadsAndTheDefaultIsOnePerCore() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		Set<String> hashedOn = ConcurrentHashMap.newKeySet();
		NativeArgon2id.Libargon2 library = com.sun.jna.Native.load("argon2", NativeArgon2id.Libargon2.class);
		NativeArgon2id.Libargon2 counted = (t, m, p, pwd, pwdlen, salt, saltlen, hash, hashlen) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			hashedOn.add(Thread.currentThread().getName());
			try {
				return library.argon2id_hash_raw(t, m, p, pwd, pwdlen, salt, saltlen, hash, hashlen);
			}
			finally {
				running.decrementAndGet();
			}
		};
		Set<String> askedFrom = ConcurrentHashMap.newKeySet();
		try (PasswordHashing hashing = new PasswordHashing(2, Optional.of(new NativeArgon2id(counted)))) {
			String stored = hashing.encode(PASSWORD);
			ExecutorService storm = Executors.newFixedThreadPool(6);
			try {
				List<Future<Boolean>> signIns = new ArrayList<>();
				for (int i = 0; i < 24; i++) {
					signIns.add(storm.submit(() -> {
						askedFrom.add(Thread.currentThread().getName());
						return hashing.matches(PASSWORD, stored);
					}));
				}
				for (Future<Boolean> signIn : signIns) {
					assertThat(signIn.get()).isTrue();
				}
			}
			finally {
				storm.shutdownNow();
			}
		}
		assertThat(most.get()).isBetween(1, 2);
		assertThat(askedFrom).hasSizeGreaterThan(2);
		assertThat(hashedOn).isNotEmpty().hasSizeLessThanOrEqualTo(2).allMatch(name -> name.startsWith("argon2-hasher-"));
		assertThat(PasswordHashing.concurrencyFor(0)).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(PasswordHashing.concurrencyFor(3)).isEqualTo(3);
		assertThatThrownBy(() -> new PasswordHashing(0, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
	}

	/** An interrupted caller still gets its answer and keeps its interrupt; a library failure reaches it as such. */
	@Test
	void anInterruptedCallerStillGetsItsAnswerAndALibraryFailureReachesTheCaller() {
		try (PasswordHashing hashing = new PasswordHashing(1, Optional.of(nativeArgon2))) {
			String stored = hashing.encode(PASSWORD);
			Thread.currentThread().interrupt();
			try {
				assertThat(hashing.matches(PASSWORD, stored)).isTrue();
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				Thread.interrupted();
			}
		}
		NativeArgon2id.Libargon2 failing = (t, m, p, pwd, pwdlen, salt, saltlen, hash, hashlen) -> -22;
		try (PasswordHashing hashing = new PasswordHashing(1, Optional.of(new NativeArgon2id(failing)))) {
			assertThatThrownBy(() -> hashing.encode(PASSWORD)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("libargon2 failed with code -22");
		}
	}
}
