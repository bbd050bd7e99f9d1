package org.onecampus.identity.internal.passwords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing one's own password: the current password proves it is the owner, the new one must pass
 * the policy and must not be one of the last {@code history} passwords. Other sessions of the person
 * end, since whoever knew the old password may hold one.
 */
@Service
public class PasswordChanges {

	private final PasswordRecords records;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	PasswordChanges(PasswordRecords records, PasswordPolicy policy, PasswordEncoder encoder, AuditLog audit) {
		this.records = records;
		this.policy = policy;
		this.encoder = encoder;
		this.audit = audit;
	}

	/** The assessment of a candidate for the signed-in person, as the strength meter shows it. */
	PasswordAssessment check(CampusUser user, String candidate) {
		return policy.assess(candidate, records.facts(user.accountId()));
	}

	/**
	 * @param keepSessionId the session the change is made from, which stays signed in; may be null
	 * @throws PlatformException 422 naming {@code currentPassword} or {@code newPassword} and each broken rule
	 */
	@Transactional
	public void change(CampusUser user, String currentPassword, String newPassword, String keepSessionId) {
		UUID accountId = user.accountId();
		String hash = records.hash(accountId);
		if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
			throw PlatformException.invalid(List.of(new FieldProblem("currentPassword", "password.current-wrong")));
		}
		requireAcceptable(accountId, hash, newPassword);
		records.replace(accountId, hash, encoder.encode(newPassword), policy.properties().history());
		int ended = records.endOtherSessions(user.getUsername(), keepSessionId);
		audit.record("identity.password-changed", "account:" + accountId, Map.of("otherSessionsEnded", ended));
	}

	/**
	 * Sets a new password without the current one, for a person who proved who they are another way
	 * (a reset code). The same policy and history rules apply; every session of the person ends.
	 * Audited with the given actor and address, as nobody is signed in.
	 * @throws PlatformException 422 naming {@code newPassword} and each broken rule
	 */
	@Transactional
	public void reset(UUID accountId, String newPassword, String ip) {
		String hash = records.hash(accountId);
		requireAcceptable(accountId, hash, newPassword);
		records.replace(accountId, hash, encoder.encode(newPassword), policy.properties().history());
		String username = records.facts(accountId).username();
		int ended = records.endOtherSessions(username, null);
		audit.record(new AuditLog.AuditEntry(username, "identity.password-reset", "account:" + accountId,
				Map.of("sessionsEnded", ended), ip));
	}

	private void requireAcceptable(UUID accountId, String hash, String newPassword) {
		if (newPassword == null || newPassword.isEmpty()) {
			throw PlatformException.invalid(List.of(new FieldProblem("newPassword", "NotBlank")));
		}
		List<PasswordProblem> problems = new ArrayList<>(policy.assess(newPassword, records.facts(accountId)).problems());
		if (reused(accountId, hash, newPassword)) {
			problems.add(PasswordProblem.REUSED);
		}
		if (!problems.isEmpty()) {
			var properties = policy.properties();
			throw PlatformException.invalid(problems.stream()
				.map(p -> new FieldProblem("newPassword", "password.problem." + p.code(), properties.minLength(),
						properties.maxLength(), properties.minClasses(), properties.history()))
				.toList());
		}
	}

	private boolean reused(UUID accountId, String currentHash, String candidate) {
		int history = policy.properties().history();
		if (history <= 0) {
			return false;
		}
		if (encoder.matches(candidate, currentHash)) {
			return true;
		}
		return records.history(accountId, history - 1).stream().anyMatch(old -> encoder.matches(candidate, old));
	}
}
