package org.onecampus.hall.internal.passes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import org.onecampus.kernel.crypto.DataKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signed, expiring credentials issued on approval: visitor passes and certificates of enrolment. A token is
 * {@code v1.<payload>.<signature>} (base64url; HMAC-SHA256 with a key derived from the platform's data key), so a
 * guard's scan needs no lookup to reject a forged or expired one; the issued row is still checked so that a
 * revoked credential fails.
 */
@Service
class Credentials {

	static final String VISITOR_PASS = "VISITOR_PASS";

	static final String CERTIFICATE = "ENROLMENT_CERTIFICATE";

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final SecretKey key;

	Credentials(JdbcClient jdbc, JsonMapper json, DataKeys keys) {
		this.jdbc = jdbc;
		this.json = json;
		this.key = keys.derive("hall.credential.signing", "HmacSHA256");
	}

	/** Issues the application's credential once; later calls return the one issued. */
	Credential issue(String kind, UUID applicationId, UUID holderId, String holderName, String plate, Instant from,
			Instant to) {
		jdbc.sql("""
				insert into hall_pass (id, kind, application_id, holder_id, holder_name, plate_number, valid_from, valid_to)
				values (:id, :kind, :a, :holder, :name, :plate, :from, :to) on conflict (application_id) do nothing""")
			.param("id", UUID.randomUUID()).param("kind", kind).param("a", applicationId).param("holder", holderId)
			.param("name", holderName).param("plate", plate).param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to)).update();
		return find(applicationId).orElseThrow();
	}

	Optional<Credential> find(UUID applicationId) {
		return jdbc.sql("select * from hall_pass where application_id = :a").param("a", applicationId)
			.query(this::row).optional();
	}

	String token(Credential c) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", c.id().toString());
		payload.put("k", c.kind());
		payload.put("n", c.holderName());
		if (c.plateNumber() != null) {
			payload.put("p", c.plateNumber());
		}
		payload.put("f", c.validFrom().getEpochSecond());
		payload.put("t", c.validTo().getEpochSecond());
		String body = B64.encodeToString(json.writeValueAsBytes(payload));
		return "v1." + body + "." + B64.encodeToString(mac(body));
	}

	/** Checks the signature, that it was issued and not revoked, and that {@code now} is in its validity. */
	Verification verify(String token, Instant now) {
		String[] parts = token == null ? new String[0] : token.trim().split("\\.");
		if (parts.length != 3 || !"v1".equals(parts[0])) {
			return Verification.invalid("MALFORMED");
		}
		byte[] signature;
		JsonNode payload;
		try {
			signature = Base64.getUrlDecoder().decode(parts[2]);
			payload = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
		}
		catch (RuntimeException ex) {
			return Verification.invalid("MALFORMED");
		}
		if (!MessageDigest.isEqual(mac(parts[1]), signature)) {
			return Verification.invalid("FORGED");
		}
		UUID id;
		try {
			id = UUID.fromString(payload.path("id").asString(""));
		}
		catch (IllegalArgumentException ex) {
			return Verification.invalid("MALFORMED");
		}
		Optional<Credential> issued = jdbc.sql("select * from hall_pass where id = :id").param("id", id).query(this::row)
			.optional();
		if (issued.isEmpty()) {
			return Verification.invalid("UNKNOWN");
		}
		Credential c = issued.get();
		String reason = c.revokedAt() != null ? "REVOKED"
				: now.isBefore(c.validFrom()) ? "NOT_YET_VALID" : !now.isBefore(c.validTo()) ? "EXPIRED" : null;
		return new Verification(reason == null, reason == null ? "VALID" : reason, c.kind(), c.holderName(),
				c.plateNumber(), c.validFrom(), c.validTo(), c.applicationId());
	}

	private byte[] mac(String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Credential row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Credential(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getObject("application_id", UUID.class),
				rs.getObject("holder_id", UUID.class), rs.getString("holder_name"), rs.getString("plate_number"),
				rs.getTimestamp("valid_from").toInstant(), rs.getTimestamp("valid_to").toInstant(),
				revoked == null ? null : revoked.toInstant(), rs.getTimestamp("issued_at").toInstant());
	}

	record Credential(UUID id, String kind, UUID applicationId, UUID holderId, String holderName, String plateNumber,
			Instant validFrom, Instant validTo, Instant revokedAt, Instant issuedAt) {
	}

	/**
	 * @param reason VALID, MALFORMED, FORGED, UNKNOWN, REVOKED, NOT_YET_VALID or EXPIRED
	 */
	record Verification(boolean valid, String reason, String kind, String holderName, String plateNumber,
			Instant validFrom, Instant validTo, UUID applicationId) {

		static Verification invalid(String reason) {
			return new Verification(false, reason, null, null, null, null, null, null);
		}
	}
}
