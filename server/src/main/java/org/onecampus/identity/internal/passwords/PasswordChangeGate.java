package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Until a person with an initial (or expired) password has chosen a new one, the API answers 403
 * {@code auth.password-change-required} to everything but the password change itself and
 * {@code /api/v1/me}, so no other work is done with a password an administrator or a list knows.
 */
@Component
class PasswordChangeGate implements HandlerInterceptor {

	private final PasswordRecords records;

	private final PasswordPolicy policy;

	private final Clock clock;

	PasswordChangeGate(PasswordRecords records, PasswordPolicy policy, Clock clock) {
		this.records = records;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CampusUser user) || exempt(request)) {
			return true;
		}
		int maxAgeDays = policy.properties().maxAgeDays();
		records.state(user.accountId()).ifPresent(state -> {
			boolean expired = maxAgeDays > 0
					&& state.changedAt().plus(Duration.ofDays(maxAgeDays)).isBefore(clock.instant());
			if (state.mustChange() || expired) {
				throw new PlatformException(HttpStatus.FORBIDDEN, "auth.password-change-required");
			}
		});
		return true;
	}

	static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith("/api/") || path.equals("/api/v1/me") || path.startsWith("/api/v1/me/")
				|| path.equals(PasswordController.BASE) || path.startsWith(PasswordController.BASE + "/")
				|| path.equals("/api/v1/csrf") || path.equals("/api/v1/platform");
	}
}
