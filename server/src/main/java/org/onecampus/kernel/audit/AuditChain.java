package org.onecampus.kernel.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over the previous hash and every stored field, each
 * length-prefixed so that moving text between fields changes the hash.
 * <p>
 * The database appends entries ({@code kernel_audit_append}): it knows the previous hash and the new id only
 * under the chain's lock, so it hashes {@code "64:" + previous hash + length + ":" + id} followed by the
 * entry's {@link #tail}, which the caller encodes here. {@link #hash} encodes the same bytes, for verification.
 */
final class AuditChain {

	static final String GENESIS = "0".repeat(64);

	private AuditChain() {
	}

	static String hash(String previousHash, long id, Instant occurredAt, String actor, String action, String target,
			String details, String ip, String traceId) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			ByteArrayOutputStream head = new ByteArrayOutputStream(80);
			part(head, previousHash);
			part(head, Long.toString(id));
			digest.update(head.toByteArray());
			digest.update(tail(occurredAt, actor, action, target, details, ip, traceId));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @return the hashed bytes of the entry's fields after its id */
	static byte[] tail(Instant occurredAt, String actor, String action, String target, String details, String ip,
			String traceId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		for (String part : new String[] { Long.toString(occurredAt.getEpochSecond()) + "." + occurredAt.getNano(), actor,
				action, target, details, ip, traceId }) {
			part(out, part);
		}
		return out.toByteArray();
	}

	private static void part(ByteArrayOutputStream out, String part) {
		byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
		out.writeBytes((part == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes);
	}
}
