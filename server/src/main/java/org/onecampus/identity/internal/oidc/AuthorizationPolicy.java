package org.onecampus.identity.internal.oidc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.sso.SsoPerson;
import org.onecampus.identity.internal.sso.SsoPersons;
import org.onecampus.kernel.audit.AuditLog;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.stereotype.Component;

/**
 * Who may get an authorization code: on top of Spring Authorization Server's checks of the redirect
 * URI and scopes, the app must be enabled and the signed-in person must hold one of the app's allowed
 * affiliations. A refusal goes back to the app as {@code access_denied} and is audited.
 */
@Component
class AuthorizationPolicy {

	private final SsoApps apps;

	private final SsoPersons persons;

	private final AuditLog audit;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	AuthorizationPolicy(SsoApps apps, SsoPersons persons, AuditLog audit) {
		this.apps = apps;
		this.persons = persons;
		this.audit = audit;
	}

	void apply(List<AuthenticationProvider> providers) {
		providers.stream()
			.filter(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::isInstance)
			.map(OAuth2AuthorizationCodeRequestAuthenticationProvider.class::cast)
			.forEach(provider -> provider
				.setAuthenticationValidator(new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(this::check)));
	}

	private void check(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		if (!(request.getPrincipal() instanceof Authentication user) || !trust.isAuthenticated(user)) {
			return; // not signed in yet: the login page comes first
		}
		Optional<SsoApp> app = apps.byId(UUID.fromString(context.getRegisteredClient().getId()));
		Optional<SsoPerson> person = persons.byUsername(user.getName());
		String reason = app.isEmpty() || !app.get().enabled() ? "app-disabled"
				: person.isEmpty() ? "no-person"
				: !person.get().mayUse(app.get().allowedAffiliations()) ? "affiliation-not-allowed"
				: app.get().requiresSecondFactor() && !AuthenticationLevels.hasSecondFactor(user)
						? "second-factor-required" : null;
		if (reason != null) {
			audit.record("sso.oidc.refused", "app:" + context.getRegisteredClient().getClientId(), Map.of("reason", reason));
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(
					new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "This account may not use this app", null), request);
		}
	}
}
