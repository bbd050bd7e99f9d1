package org.onecampus.identity.internal.sso;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates the token signing key: automatically once the current key is older than
 * {@code onecampus.sso.signing-key-max-age} (default 90 days, checked hourly), or at once by an
 * administrator ({@code POST /api/v1/identity/signing-keys/rotation}, e.g. after a suspected leak).
 */
@RestController
class SigningKeyRotation {

	private final SigningKeys keys;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration maxAge;

	SigningKeyRotation(SigningKeys keys, AuditLog audit, Clock clock,
			@Value("${onecampus.sso.signing-key-max-age:P90D}") Duration maxAge) {
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
		this.maxAge = maxAge;
	}

	@PostMapping("/api/v1/identity/signing-keys/rotation")
	@PreAuthorize("hasAuthority('identity:app:manage')")
	ResponseEntity<Map<String, String>> rotateNow() {
		String kid = keys.rotate();
		audit.record("sso.signing-key.rotated", "signing-key:" + kid, Map.of("reason", "administrator"));
		return ResponseEntity.status(201).body(Map.of("kid", kid));
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void rotateWhenOld() {
		keys.current();
		if (keys.currentCreatedAt().plus(maxAge).isBefore(clock.instant())) {
			String kid = keys.rotate();
			audit.record(new AuditEntry("system", "sso.signing-key.rotated", "signing-key:" + kid,
					Map.of("reason", "max-age"), null));
		}
	}
}
