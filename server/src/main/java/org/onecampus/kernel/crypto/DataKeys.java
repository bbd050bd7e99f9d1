package org.onecampus.kernel.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.onecampus.kernel.OneCampusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The platform's data-encryption master key and the keys derived from it. The master key comes
 * from {@code ONECAMPUS_DATA_KEY} (base64 of 32 bytes); without it, a key is generated on the first
 * start into {@code <data-dir>/keys/data.key} (owner-only). It is never stored in the repository or
 * the database: back it up with the database, or encrypted fields cannot be read.
 */
@Component
public class DataKeys {

	private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

	private final byte[] master;

	public DataKeys(OneCampusProperties properties, Environment environment) {
		String configured = environment.getProperty("onecampus.data-key");
		this.master = configured != null && !configured.isBlank() ? decode(configured)
				: loadOrCreate(properties.dataDir().resolve("keys").resolve("data.key"));
	}

	/**
	 * A key for one purpose, derived from the master key with HMAC-SHA256 so that purposes never share
	 * key material.
	 * @param purpose a stable name such as {@code "identity.id-card.encryption"}
	 * @return a 256-bit key, never null
	 */
	public SecretKey derive(String purpose, String algorithm) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return new SecretKeySpec(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), algorithm);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64) {
		byte[] key = Base64.getDecoder().decode(base64.trim());
		if (key.length != 32) {
			throw new IllegalStateException("ONECAMPUS_DATA_KEY must be base64 of exactly 32 bytes");
		}
		return key;
	}

	private static byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file));
			}
			Files.createDirectories(file.getParent());
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			log.warn("Generated a new data-encryption key in {}; back it up with the database", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
