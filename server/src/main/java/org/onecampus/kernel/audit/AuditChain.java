package org.onecampus.kernel.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over the previous hash and every stored field, each
 * length-prefixed so that moving text between fields changes the hash.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String previousHash, long id, Instant occurredAt, String actor, String action, String target,
			String details, String ip, String traceId) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : new String[] { previousHash, Long.toString(id),
					Long.toString(occurredAt.getEpochSecond()) + "." + occurredAt.getNano(), actor, action, target, details,
					ip, traceId }) {
				byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
				digest.update((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
				digest.update(bytes);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
