package org.onecampus.identity.internal.apps;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.onecampus.kernel.crypto.DataKeys;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How OAuth client secrets are stored and checked. Client secrets are not passwords: the platform
 * generates them (256 random bits), so a slow hash such as Argon2id adds no protection and costs a
 * client-credentials token about 70 ms of CPU. A secret is stored as {@value #PREFIX} followed by
 * the base64 HMAC-SHA-256 of the secret under a key derived from the data key ({@link DataKeys},
 * purpose {@value #KEY_PURPOSE}), so a copy of the database alone does not even allow guessing the
 * demo profile's short documented secrets offline. Verification compares the fixed-length MACs with
 * {@link MessageDigest#isEqual}, which takes the same time wherever the first difference is.
 * <p>
 * Secrets stored before this scheme are Argon2id hashes: they are still verified (through the
 * password encoder, with its bounded concurrency) and {@link #upgradeEncoding} reports them, so
 * Spring Authorization Server's client authentication stores the keyed hash in their place after
 * the next successful use. The registry only accepts secrets it generated or the demo profile's
 * published ones; there are no person-chosen client secrets to keep on Argon2id.
 */
final class ClientSecretHashing implements PasswordEncoder {

	static final String PREFIX = "{hmac-sha256}";

	static final String KEY_PURPOSE = "identity.client-secret.hmac";

	private final SecretKey key;

	private final PasswordEncoder legacy;

	ClientSecretHashing(DataKeys keys, PasswordEncoder passwords) {
		this(keys.derive(KEY_PURPOSE, "HmacSHA256"), passwords);
	}

	ClientSecretHashing(SecretKey key, PasswordEncoder passwords) {
		this.key = key;
		this.legacy = passwords;
	}

	@Override
	public String encode(CharSequence rawSecret) {
		return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(mac(rawSecret));
	}

	@Override
	public boolean matches(CharSequence rawSecret, String encoded) {
		if (rawSecret == null || encoded == null) {
			return false;
		}
		if (!encoded.startsWith(PREFIX)) {
			return legacy.matches(rawSecret, encoded);
		}
		byte[] expected;
		try {
			expected = Base64.getDecoder().decode(encoded.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(expected, mac(rawSecret));
	}

	/** Every secret not yet stored as a keyed hash is upgraded after its next successful use. */
	@Override
	public boolean upgradeEncoding(String encoded) {
		return encoded != null && !encoded.startsWith(PREFIX);
	}

	private byte[] mac(CharSequence rawSecret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(rawSecret.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
