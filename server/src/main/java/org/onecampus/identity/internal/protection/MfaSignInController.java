package org.onecampus.identity.internal.protection;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onecampus.identity.internal.mfa.SecondFactors;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.web.PublicEndpoint;
import org.onecampus.kernel.web.SessionWrites;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /login/mfa}: the second step of a sign-in that answered {@code {"mfaRequired": true}},
 * with a TOTP code or a recovery code. Wrong codes count against the account like wrong passwords,
 * so the throttle stops guessing; only a right code forgives the account's failures. A right code's records
 * (forgiven failures, the session's device note, the audit entry) are stored with the signed-in session, in one
 * transaction ({@link SessionWrites}).
 */
@RestController
class MfaSignInController {

	private final PendingSignIns pendingSignIns;

	private final SecondFactors factors;

	private final SignInProtection protection;

	private final DeviceCookies devices;

	private final AuditLog audit;

	private final SessionWrites sessionWrites;

	MfaSignInController(PendingSignIns pendingSignIns, SecondFactors factors, SignInProtection protection,
			DeviceCookies devices, AuditLog audit, SessionWrites sessionWrites) {
		this.pendingSignIns = pendingSignIns;
		this.factors = factors;
		this.protection = protection;
		this.devices = devices;
		this.audit = audit;
		this.sessionWrites = sessionWrites;
	}

	@PostMapping("/login/mfa")
	@PublicEndpoint
	ResponseEntity<Map<String, Object>> verify(@RequestParam(required = false) String code, HttpServletRequest request,
			HttpServletResponse response) {
		var pending = pendingSignIns.pending(request)
			.orElseThrow(() -> new PlatformException(HttpStatus.UNAUTHORIZED, "auth.mfa-no-pending-sign-in"));
		var user = pending.user();
		SignInSource source = SignInSource.of(user.getUsername(), request.getRemoteAddr());
		protection.requireNotThrottled(source, devices.recognises(request, source.login()), response);
		if (!factors.verify(user.accountId(), user.getUsername(), code, request.getRemoteAddr())) {
			protection.failed(source, false);
			audit.record(new AuditEntry(user.getUsername(), "auth.mfa-failed", "account:" + user.accountId(), null,
					request.getRemoteAddr()));
			throw new PlatformException(HttpStatus.UNAUTHORIZED, "auth.mfa-code-wrong");
		}
		pendingSignIns.complete(request, pending);
		String sessionId = request.getSession().getId();
		String userAgent = request.getHeader("User-Agent");
		String ip = request.getRemoteAddr();
		sessionWrites.withSession(() -> {
			protection.signedIn(source, user.accountId(), sessionId, userAgent);
			audit.record(new AuditEntry(user.getUsername(), "auth.mfa-passed", "account:" + user.accountId(), null, ip));
		});
		devices.issue(response, source.login(), request.isSecure());
		return ResponseEntity.ok(Map.of("redirect", pending.redirect()));
	}
}
