package org.onecampus.identity.internal.oidc;

import java.util.Map;
import java.util.TreeSet;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/** Consents per person and app, stored by the JDBC service; every grant and withdrawal is audited. */
final class AuditedConsents implements OAuth2AuthorizationConsentService {

	private final OAuth2AuthorizationConsentService delegate;

	private final RegisteredClientRepository clients;

	private final AuditLog audit;

	AuditedConsents(OAuth2AuthorizationConsentService delegate, RegisteredClientRepository clients, AuditLog audit) {
		this.delegate = delegate;
		this.clients = clients;
		this.audit = audit;
	}

	@Override
	public void save(OAuth2AuthorizationConsent consent) {
		delegate.save(consent);
		audit.record(new AuditEntry(consent.getPrincipalName(), "sso.consent.granted", target(consent),
				Map.of("scopes", new TreeSet<>(consent.getScopes())), OidcClaims.clientAddress()));
	}

	@Override
	public void remove(OAuth2AuthorizationConsent consent) {
		delegate.remove(consent);
		audit.record(new AuditEntry(consent.getPrincipalName(), "sso.consent.withdrawn", target(consent), null,
				OidcClaims.clientAddress()));
	}

	@Override
	public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
		return delegate.findById(registeredClientId, principalName);
	}

	private String target(OAuth2AuthorizationConsent consent) {
		RegisteredClient client = clients.findById(consent.getRegisteredClientId());
		return "app:" + (client == null ? consent.getRegisteredClientId() : client.getClientId());
	}
}
