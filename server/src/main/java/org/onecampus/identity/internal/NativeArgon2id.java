package org.onecampus.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id through the reference C implementation (the system's {@code libargon2}, Debian package
 * {@code libargon2-1}), called with JNA. Same algorithm, same parameters and the same encoded form as Spring
 * Security's {@code Argon2PasswordEncoder} ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}, unpadded Base64), so
 * hashes written by either verify with the other; on two cores it computes a hash in about two thirds of
 * the time BouncyCastle's Java implementation takes. {@link #load()} is empty when the library is missing,
 * and the caller then stays on BouncyCastle.
 */
final class NativeArgon2id {

	private static final Logger log = LoggerFactory.getLogger(NativeArgon2id.class);

	private static final int VERSION = 0x13;

	private static final int ARGON2_OK = 0;

	private final Libargon2 library;

	private final SecureRandom random = new SecureRandom();

	/** The one function used, from {@code argon2.h}. */
	interface Libargon2 extends Library {

		int argon2id_hash_raw(int tCost, int mCost, int parallelism, byte[] pwd, NativeLong pwdlen, byte[] salt,
				NativeLong saltlen, byte[] hash, NativeLong hashlen);
	}

	NativeArgon2id(Libargon2 library) {
		this.library = library;
	}

	/** @return the native implementation, or empty when {@code libargon2} cannot be loaded */
	static Optional<NativeArgon2id> load() {
		try {
			return Optional.of(new NativeArgon2id(Native.load("argon2", Libargon2.class)));
		}
		catch (UnsatisfiedLinkError | RuntimeException ex) {
			log.info("libargon2 not available ({}); Argon2id runs on BouncyCastle", ex.getMessage());
			return Optional.empty();
		}
	}

	/** @return the raw hash of {@code password} */
	byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
		byte[] out = new byte[length];
		int result = library.argon2id_hash_raw(iterations, memoryKib, parallelism, password,
				new NativeLong(password.length), salt, new NativeLong(salt.length), out, new NativeLong(length));
		if (result != ARGON2_OK) {
			throw new IllegalStateException("libargon2 failed with code " + result);
		}
		return out;
	}

	/** @return {@code raw} hashed with a new 16-byte salt, in Spring Security's encoded form */
	String encode(CharSequence raw, int memoryKib, int iterations, int parallelism) {
		byte[] salt = new byte[16];
		random.nextBytes(salt);
		byte[] hash = hash(bytes(raw), salt, memoryKib, iterations, parallelism, 32);
		Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
		return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + b64.encodeToString(salt)
				+ "$" + b64.encodeToString(hash);
	}

	/**
	 * @return whether {@code raw} matches; empty when {@code encoded} is not an Argon2id v1.3 hash this class
	 * reads (the caller decides with another implementation)
	 */
	Optional<Boolean> matches(CharSequence raw, String encoded) {
		Optional<Encoded> parsed = Encoded.parse(encoded);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		Encoded e = parsed.get();
		byte[] actual = hash(bytes(raw), e.salt(), e.memoryKib(), e.iterations(), e.parallelism(), e.hash().length);
		return Optional.of(MessageDigest.isEqual(actual, e.hash()));
	}

	private static byte[] bytes(CharSequence raw) {
		return raw.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The parts of {@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}. */
	record Encoded(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

		static Optional<Encoded> parse(String encoded) {
			if (encoded == null) {
				return Optional.empty();
			}
			String[] parts = encoded.split("\\$");
			if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("argon2id")
					|| !parts[2].equals("v=" + VERSION)) {
				return Optional.empty();
			}
			try {
				int m = -1;
				int t = -1;
				int p = -1;
				for (String parameter : parts[3].split(",")) {
					String[] pair = parameter.split("=", 2);
					int value = Integer.parseInt(pair[1]);
					switch (pair[0]) {
						case "m" -> m = value;
						case "t" -> t = value;
						case "p" -> p = value;
						default -> {
							return Optional.empty();
						}
					}
				}
				byte[] salt = Base64.getDecoder().decode(parts[4]);
				byte[] hash = Base64.getDecoder().decode(parts[5]);
				if (m < 8 || t < 1 || p < 1 || salt.length < 8 || hash.length < 4) {
					return Optional.empty();
				}
				return Optional.of(new Encoded(m, t, p, salt, hash));
			}
			catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
				return Optional.empty();
			}
		}
	}
}
