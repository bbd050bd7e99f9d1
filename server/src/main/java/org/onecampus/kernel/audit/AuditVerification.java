package org.onecampus.kernel.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Walks the whole audit chain and recomputes every hash. Any edited, inserted or deleted entry in
 * the chain breaks it at that entry; the first broken entry's id is reported.
 */
@Component
public class AuditVerification {

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	private final Clock clock;

	AuditVerification(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Verifies the chain and records that it did (with the outcome) in the audit log itself.
	 * @return the outcome; never null
	 */
	public Result verify() {
		var state = new Object() {
			String previous = AuditChain.GENESIS;
			long checked;
			Long firstInvalid;
		};
		jdbc.setFetchSize(1000);
		jdbc.query("""
				select id, occurred_at, actor, action, target, details, ip, trace_id, prev_hash, hash
				from kernel_audit_event order by id""", rs -> {
			if (state.firstInvalid != null) {
				return;
			}
			long id = rs.getLong("id");
			Instant at = rs.getTimestamp("occurred_at").toInstant();
			String expected = AuditChain.hash(state.previous, id, at, rs.getString("actor"), rs.getString("action"),
					rs.getString("target"), rs.getString("details"), rs.getString("ip"), rs.getString("trace_id"));
			if (!state.previous.equals(rs.getString("prev_hash")) || !expected.equals(rs.getString("hash"))) {
				state.firstInvalid = id;
				return;
			}
			state.previous = rs.getString("hash");
			state.checked++;
		});
		Result result = new Result(state.firstInvalid == null, state.checked, state.firstInvalid, clock.instant());
		audit.record("audit.verified", "kernel:audit", Map.of("valid", result.valid(), "checked", result.checked(),
				"firstInvalidId", result.firstInvalidId() == null ? "" : result.firstInvalidId()));
		return result;
	}

	/**
	 * @param valid whether every entry matched its hash and its predecessor
	 * @param checked entries verified before the first broken one (all of them when valid)
	 * @param firstInvalidId id of the first entry that does not match; null when valid
	 * @param verifiedAt when the verification ran
	 */
	public record Result(boolean valid, long checked, Long firstInvalidId, Instant verifiedAt) {
	}
}
