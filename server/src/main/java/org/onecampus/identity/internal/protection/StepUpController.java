package org.onecampus.identity.internal.protection;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.mfa.SecondFactors;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step-up: an app that requires a second factor sent a person here whose sign-in had only a
 * password. A TOTP or recovery code raises the session's level and the person continues to the app
 * (CAS login or OIDC authorize, which check again). Wrong codes count against the account like
 * wrong passwords, so the throttle stops guessing.
 */
@RestController
@RequestMapping("/api/v1/identity/step-up")
class StepUpController {

	private final SecondFactors factors;

	private final SignInProtection protection;

	private final DeviceCookies devices;

	private final AuditLog audit;

	StepUpController(SecondFactors factors, SignInProtection protection, DeviceCookies devices, AuditLog audit) {
		this.factors = factors;
		this.protection = protection;
		this.devices = devices;
		this.audit = audit;
	}

	/** What the step-up page needs: whether a code is still needed, whether TOTP is enrolled, for which app. */
	@GetMapping
	@PreAuthorize("isAuthenticated()")
	Map<String, Object> status(@AuthenticationPrincipal CampusUser user, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("satisfied", AuthenticationLevels.hasSecondFactor(SecurityContextHolder.getContext().getAuthentication()));
		status.put("enrolled", factors.enabled(user.accountId()));
		Object app = session == null ? null : session.getAttribute(AuthenticationLevels.APP_ATTRIBUTE);
		if (app != null) {
			status.put("app", app);
		}
		status.put("redirect", continueTo(session, false));
		return status;
	}

	/** Body {@code {"code": "123456"}}; 200 {@code {"redirect": "/cas/login?service=…"}}. */
	@PostMapping
	@PreAuthorize("isAuthenticated()")
	Map<String, Object> stepUp(@AuthenticationPrincipal CampusUser user, @RequestBody Code body,
			HttpServletRequest request, HttpServletResponse response) {
		SignInSource source = SignInSource.of(user.getUsername(), request.getRemoteAddr());
		protection.requireNotThrottled(source, devices.recognises(request, source.login()), response);
		if (!factors.enabled(user.accountId())) {
			throw new PlatformException(HttpStatus.CONFLICT, "auth.step-up-not-enrolled");
		}
		if (!factors.verify(user.accountId(), user.getUsername(), body.code(), request.getRemoteAddr())) {
			protection.failed(source, false);
			audit.record(new AuditEntry(user.getUsername(), "auth.step-up-failed", "account:" + user.accountId(), null,
					request.getRemoteAddr()));
			throw new PlatformException(HttpStatus.UNAUTHORIZED, "auth.mfa-code-wrong");
		}
		protection.succeeded(source);
		AuthenticationLevels.secondFactorEntered(request);
		HttpSession session = request.getSession(false);
		Object app = session == null ? null : session.getAttribute(AuthenticationLevels.APP_ATTRIBUTE);
		audit.record(new AuditEntry(user.getUsername(), "auth.step-up-passed", "account:" + user.accountId(),
				app == null ? null : Map.of("app", app), request.getRemoteAddr()));
		return Map.of("redirect", continueTo(session, true));
	}

	private static String continueTo(HttpSession session, boolean take) {
		Object target = session == null ? null : session.getAttribute(AuthenticationLevels.CONTINUE_ATTRIBUTE);
		if (take && session != null) {
			session.removeAttribute(AuthenticationLevels.CONTINUE_ATTRIBUTE);
			session.removeAttribute(AuthenticationLevels.APP_ATTRIBUTE);
		}
		return target instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
	}

	record Code(String code) {
	}
}
