package org.onecampus.identity.internal.oidc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.sso.SsoPerson;
import org.onecampus.identity.internal.sso.SsoPersons;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The claims of ID tokens, access tokens and userinfo, from identity and limited to what the app's
 * registry entry releases and the granted scopes allow: {@code profile} → name, preferred_username,
 * affiliations, identifiers; {@code email} → email; {@code phone} → phone_number. Tokens are refused to
 * disabled apps and to persons without an allowed affiliation; every issued access token is audited (a
 * client-credentials one together with its stored authorization, {@link ClientCredentialsAuthorizations}).
 */
@Component
class OidcClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** Access tokens issued for a person carry the account id; tokens of a system client do not. */
	static final String ACCOUNT_CLAIM = "account_id";

	private final SsoApps apps;

	private final SsoPersons persons;

	private final AuditLog audit;

	OidcClaims(SsoApps apps, SsoPersons persons, AuditLog audit) {
		this.apps = apps;
		this.persons = persons;
		this.audit = audit;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		String clientId = context.getRegisteredClient().getClientId();
		SsoApp app = apps.byId(UUID.fromString(context.getRegisteredClient().getId()))
			.filter(SsoApp::enabled)
			.orElseThrow(() -> refused(clientId, clientId, "app-disabled"));
		boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			// Audited when its authorization is stored, in the same transaction (ClientCredentialsAuthorizations).
			return;
		}
		String username = context.getPrincipal().getName();
		SsoPerson person = persons.byUsername(username)
			.orElseThrow(() -> refused(username, clientId, "no-person"));
		if (!person.mayUse(app.allowedAffiliations())) {
			throw refused(username, clientId, "affiliation-not-allowed");
		}
		Set<String> scopes = context.getAuthorizedScopes();
		if (accessToken) {
			context.getClaims().claim(ACCOUNT_CLAIM, person.accountId().toString());
			audit.record(new AuditEntry(username, "sso.oidc.token-issued", "app:" + clientId,
					Map.of("grant", context.getAuthorizationGrantType().getValue(), "scopes", List.copyOf(scopes)),
					clientAddress()));
		}
		else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			if (app.requiresSecondFactor() && !AuthenticationLevels.hasSecondFactor(context.getPrincipal())) {
				throw refused(username, clientId, "second-factor-required");
			}
			released(person, app, scopes).forEach((name, value) -> context.getClaims().claim(name, value));
			context.getClaims().claim("amr", new java.util.ArrayList<>(AuthenticationLevels.amr(context.getPrincipal())));
			context.getClaims().claim("acr", AuthenticationLevels.acr(context.getPrincipal()));
		}
	}

	/** The userinfo answer: the same released claims as the ID token, for the access token's scopes. */
	OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
		var authorization = context.getAuthorization();
		Optional<SsoApp> app = apps.byId(UUID.fromString(authorization.getRegisteredClientId()));
		SsoPerson person = persons.byUsername(authorization.getPrincipalName())
			.orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", person.username());
		if (app.isPresent()) {
			claims.putAll(released(person, app.get(), context.getAccessToken().getScopes()));
		}
		return new OidcUserInfo(claims);
	}

	private static Map<String, Object> released(SsoPerson person, SsoApp app, Set<String> scopes) {
		Map<String, Object> attributes = person.attributes(app.releasedAttributes());
		Map<String, Object> claims = new LinkedHashMap<>();
		if (scopes.contains("profile")) {
			copy(attributes, "name", claims, "name");
			copy(attributes, "username", claims, "preferred_username");
			copy(attributes, "affiliations", claims, "affiliations");
			copy(attributes, "identifiers", claims, "identifiers");
		}
		if (scopes.contains("email")) {
			copy(attributes, "email", claims, "email");
		}
		if (scopes.contains("phone")) {
			copy(attributes, "phone", claims, "phone_number");
		}
		return claims;
	}

	/** Lists as ArrayList: the stored authorization's JSON may only name allow-listed collection types. */
	private static void copy(Map<String, Object> from, String key, Map<String, Object> to, String claim) {
		if (from.containsKey(key)) {
			Object value = from.get(key);
			to.put(claim, value instanceof java.util.Collection<?> many ? new java.util.ArrayList<>(many) : value);
		}
	}

	private OAuth2AuthenticationException refused(String actor, String clientId, String reason) {
		audit.record(new AuditEntry(actor, "sso.oidc.refused", "app:" + clientId, Map.of("reason", reason),
				clientAddress()));
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
				"No token for this app and account", null));
	}

	/** @return the current request's client address, or null outside a request */
	static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? remote(attributes.getRequest()) : null;
	}

	private static String remote(HttpServletRequest request) {
		return request.getRemoteAddr();
	}
}
