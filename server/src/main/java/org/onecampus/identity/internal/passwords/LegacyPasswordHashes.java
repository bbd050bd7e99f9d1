package org.onecampus.identity.internal.passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Hashes imported from older campus systems, accepted at sign-in so that the account can be re-hashed
 * to Argon2id there and then: unsalted MD5 and SHA-1 as hex (bare, or prefixed {@code {MD5}} /
 * {@code {SHA-1}} / {@code {SHA1}}) and bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}, optionally
 * prefixed {@code {bcrypt}}). They are never written, only read.
 */
public final class LegacyPasswordHashes {

	private static final Pattern MD5 = Pattern.compile("(?i)(\\{MD5})?[0-9a-f]{32}");

	private static final Pattern SHA1 = Pattern.compile("(?i)(\\{SHA-?1})?[0-9a-f]{40}");

	private static final Pattern BCRYPT = Pattern.compile("(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

	/** @return whether {@code encoded} is one of the legacy formats, which must be re-hashed */
	public boolean recognises(String encoded) {
		return encoded != null && (MD5.matcher(encoded).matches() || SHA1.matcher(encoded).matches()
				|| BCRYPT.matcher(encoded).matches());
	}

	/** @return whether {@code raw} is the password of the legacy hash {@code encoded} (constant-time for digests) */
	public boolean matches(CharSequence raw, String encoded) {
		if (raw == null || encoded == null) {
			return false;
		}
		if (BCRYPT.matcher(encoded).matches()) {
			return bcrypt.matches(raw, encoded.replace("{bcrypt}", ""));
		}
		if (MD5.matcher(encoded).matches()) {
			return digestMatches("MD5", raw, encoded.substring(encoded.length() - 32));
		}
		if (SHA1.matcher(encoded).matches()) {
			return digestMatches("SHA-1", raw, encoded.substring(encoded.length() - 40));
		}
		return false;
	}

	private static boolean digestMatches(String algorithm, CharSequence raw, String hex) {
		try {
			byte[] actual = MessageDigest.getInstance(algorithm).digest(raw.toString().getBytes(StandardCharsets.UTF_8));
			return MessageDigest.isEqual(actual, HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
