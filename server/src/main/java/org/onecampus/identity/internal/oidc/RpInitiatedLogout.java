package org.onecampus.identity.internal.oidc;

import java.util.Map;

import org.onecampus.kernel.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * RP-initiated logout ({@code /connect/logout}) ends the platform session like any sign-out: it is
 * audited and announced, so CAS single logout and OIDC back-channel logout reach the other apps.
 */
@Component
class RpInitiatedLogout {

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final AuthenticationSuccessHandler standard = new OidcLogoutAuthenticationSuccessHandler();

	RpInitiatedLogout(ApplicationEventPublisher events, AuditLog audit) {
		this.events = events;
		this.audit = audit;
	}

	AuthenticationSuccessHandler handler() {
		return (request, response, logout) -> {
			Authentication person = SecurityContextHolder.getContext().getAuthentication();
			boolean signedIn = person != null && new AuthenticationTrustResolverImpl().isAuthenticated(person);
			if (signedIn) {
				audit.record("auth.sign-out", null, Map.of("via", "oidc"));
			}
			standard.onAuthenticationSuccess(request, response, logout);
			if (signedIn) {
				events.publishEvent(new LogoutSuccessEvent(person));
			}
		};
	}
}
