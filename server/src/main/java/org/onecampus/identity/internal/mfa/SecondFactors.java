package org.onecampus.identity.internal.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP enrolment (a pending secret confirmed by its first code), ten single-use recovery codes, the
 * second step of sign-in, and turning the factor off with a code. Every change is audited.
 */
@Service
public class SecondFactors {

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final FieldCipher secrets;

	private final FieldCipher recoveryCodes;

	private final AuditLog audit;

	private final Clock clock;

	private final String issuer;

	SecondFactors(JdbcClient jdbc, DataKeys dataKeys, AuditLog audit, Clock clock, OneCampusProperties properties) {
		this.jdbc = jdbc;
		this.secrets = new FieldCipher(dataKeys, "identity.totp");
		this.recoveryCodes = new FieldCipher(dataKeys, "identity.mfa-recovery");
		this.audit = audit;
		this.clock = clock;
		this.issuer = properties.university().nameEn();
	}

	record Status(boolean totpEnabled, int recoveryCodesLeft) {
	}

	record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	Status status(UUID accountId) {
		return new Status(enabled(accountId), jdbc.sql("""
				select count(*) from identity_mfa_recovery_code where account_id = :id and used_at is null""")
			.param("id", accountId).query(Integer.class).single());
	}

	/** @return whether the account signs in with a second factor */
	public boolean enabled(UUID accountId) {
		return jdbc.sql("select exists (select 1 from identity_mfa_totp where account_id = :id and enabled)")
			.param("id", accountId).query(Boolean.class).single();
	}

	@Transactional
	Enrolment start(CampusUser user) {
		if (enabled(user.accountId())) {
			throw PlatformException.conflict("mfa.already-enabled");
		}
		String secret = Base32.encode(Totp.newSecret());
		jdbc.sql("""
				insert into identity_mfa_totp (account_id, secret_cipher) values (:id, :secret)
				on conflict (account_id) do update set secret_cipher = excluded.secret_cipher, created_at = now(), last_used_step = 0""")
			.param("id", user.accountId()).param("secret", secrets.encrypt(secret)).update();
		String label = encode(issuer) + ":" + encode(user.getUsername());
		String uri = "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		audit.record("identity.mfa-enrolment-started", "account:" + user.accountId(), Map.of("factor", "totp"));
		return new Enrolment(secret, uri, QrCodes.svgDataUri(uri));
	}

	/** @return the recovery codes, shown this once */
	@Transactional
	List<String> confirm(CampusUser user, String code) {
		var totp = totp(user.accountId()).filter(t -> !t.enabled())
			.orElseThrow(() -> PlatformException.conflict("mfa.no-enrolment"));
		long step = Totp.verify(totp.secret(), code, clock.instant(), totp.lastUsedStep());
		if (step < 0) {
			throw wrongCode();
		}
		jdbc.sql("update identity_mfa_totp set enabled = true, confirmed_at = now(), last_used_step = :step where account_id = :id")
			.param("step", step).param("id", user.accountId()).update();
		List<String> codes = newRecoveryCodes(user.accountId());
		audit.record("identity.mfa-enabled", "account:" + user.accountId(), Map.of("factor", "totp"));
		return codes;
	}

	@Transactional
	List<String> regenerateRecoveryCodes(CampusUser user, String code) {
		if (!enabled(user.accountId()) || !verify(user.accountId(), user.getUsername(), code, null)) {
			throw wrongCode();
		}
		List<String> codes = newRecoveryCodes(user.accountId());
		audit.record("identity.mfa-recovery-codes-renewed", "account:" + user.accountId(), null);
		return codes;
	}

	@Transactional
	void disable(CampusUser user, String code) {
		if (!enabled(user.accountId()) || !verify(user.accountId(), user.getUsername(), code, null)) {
			throw wrongCode();
		}
		jdbc.sql("delete from identity_mfa_totp where account_id = :id").param("id", user.accountId()).update();
		jdbc.sql("delete from identity_mfa_recovery_code where account_id = :id").param("id", user.accountId()).update();
		audit.record("identity.mfa-disabled", "account:" + user.accountId(), Map.of("factor", "totp"));
	}

	/**
	 * Removes the account's second factor and recovery codes, as an administrator does for a person who
	 * lost their phone; the person signs in with the password and may enrol again. Audited.
	 * @return whether there was an enrolled factor or a recovery code to remove
	 */
	@Transactional
	public boolean reset(UUID accountId) {
		int factors = jdbc.sql("delete from identity_mfa_totp where account_id = :id").param("id", accountId).update();
		int codes = jdbc.sql("delete from identity_mfa_recovery_code where account_id = :id").param("id", accountId).update();
		if (factors + codes == 0) {
			return false;
		}
		audit.record("identity.mfa-reset", "account:" + accountId, Map.of("factor", "totp", "recoveryCodes", codes));
		return true;
	}

	/** @return how many unused recovery codes the account has */
	public int recoveryCodesLeft(UUID accountId) {
		return status(accountId).recoveryCodesLeft();
	}

	/**
	 * Checks a TOTP code or an unused recovery code; either is then used up.
	 * @param ip the caller's address for the audit entry; may be null
	 */
	@Transactional
	public boolean verify(UUID accountId, String username, String code, String ip) {
		if (code == null) {
			return false;
		}
		String trimmed = code.replaceAll("[\\s-]", "");
		Optional<TotpRow> totp = totp(accountId).filter(TotpRow::enabled);
		if (totp.isEmpty()) {
			return false;
		}
		long step = Totp.verify(totp.get().secret(), trimmed, clock.instant(), totp.get().lastUsedStep());
		if (step >= 0) {
			return jdbc.sql("update identity_mfa_totp set last_used_step = :step where account_id = :id and last_used_step < :step")
				.param("step", step).param("id", accountId).update() == 1;
		}
		if (trimmed.length() != 10) {
			return false;
		}
		int used = jdbc.sql("""
				update identity_mfa_recovery_code set used_at = now()
				where id = (select id from identity_mfa_recovery_code where account_id = :id and code_digest = :digest
				            and used_at is null limit 1)""")
			.param("id", accountId).param("digest", recoveryCodes.digest(trimmed)).update();
		if (used == 1) {
			audit.record(new AuditEntry(username, "identity.mfa-recovery-code-used", "account:" + accountId, null, ip));
		}
		return used == 1;
	}

	private List<String> newRecoveryCodes(UUID accountId) {
		jdbc.sql("delete from identity_mfa_recovery_code where account_id = :id").param("id", accountId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
			}
			jdbc.sql("insert into identity_mfa_recovery_code (account_id, code_digest) values (:id, :digest)")
				.param("id", accountId).param("digest", recoveryCodes.digest(code.toString())).update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return codes;
	}

	private record TotpRow(byte[] secret, boolean enabled, long lastUsedStep) {
	}

	private Optional<TotpRow> totp(UUID accountId) {
		return jdbc.sql("select secret_cipher, enabled, last_used_step from identity_mfa_totp where account_id = :id")
			.param("id", accountId)
			.query((rs, n) -> new TotpRow(Base32.decode(secrets.decrypt(rs.getString("secret_cipher"))),
					rs.getBoolean("enabled"), rs.getLong("last_used_step")))
			.optional();
	}

	private static PlatformException wrongCode() {
		return PlatformException.invalid(List.of(new FieldProblem("code", "mfa.code-wrong")));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}
}
