package org.onecampus.identity.internal.apps;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring Authorization Server's registered clients in step with the registry. The registry row
 * is the source of truth; the registered client is derived from it and rewritten on every change, in
 * the caller's transaction, so the two never disagree. CAS apps have no registered client, so the authorization server refuses
 * them like any unknown client; a disabled OIDC app keeps its client (and secret) but is refused
 * tokens by the token policy until it is enabled again.
 */
@Component
class RegisteredClients {

	private final CachedRegisteredClients clients;

	private final JdbcClient jdbc;

	RegisteredClients(CachedRegisteredClients clients, JdbcClient jdbc) {
		this.clients = clients;
		this.jdbc = jdbc;
	}

	/**
	 * Writes the app's registered client, or removes it when the app is not an OIDC app.
	 * @param encodedSecret the new encoded secret, or null to keep the current one
	 */
	void sync(SsoApp app, String encodedSecret) {
		if (app.protocol() != SsoApp.Protocol.OIDC) {
			remove(app);
			return;
		}
		RegisteredClient existing = clients.findById(app.id().toString());
		String secret = encodedSecret != null ? encodedSecret : existing == null ? null : existing.getClientSecret();
		RegisteredClient.Builder builder = RegisteredClient.withId(app.id().toString())
			.clientId(app.code())
			.clientName(app.name())
			.clientSecret(secret)
			.clientAuthenticationMethods(methods -> {
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
				methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
			})
			.authorizationGrantTypes(grants -> app.grantTypes().forEach(g -> grants.add(new AuthorizationGrantType(g))))
			.redirectUris(uris -> uris.addAll(app.redirectUris()))
			.postLogoutRedirectUris(uris -> uris.addAll(app.postLogoutRedirectUris()))
			.scopes(scopes -> scopes.addAll(app.scopes()))
			// PKCE for every authorization code flow, confidential clients included (OAuth 2.1).
			.clientSettings(ClientSettings.builder()
				.requireProofKey(app.grantTypes().contains(AuthorizationGrantType.AUTHORIZATION_CODE.getValue()))
				.requireAuthorizationConsent(app.requireConsent())
				.build())
			.tokenSettings(TokenSettings.builder()
				.accessTokenTimeToLive(Duration.ofMinutes(10))
				.refreshTokenTimeToLive(Duration.ofHours(8))
				.reuseRefreshTokens(false)
				.build());
		if (existing != null) {
			builder.clientIdIssuedAt(existing.getClientIdIssuedAt());
		}
		if (existing != null && !existing.getClientId().equals(app.code())) {
			remove(app); // the client id changed: the repository cannot update it in place
		}
		clients.save(builder.build());
	}

	void remove(SsoApp app) {
		jdbc.sql("delete from oauth2_authorization where registered_client_id = :id").param("id", app.id().toString()).update();
		jdbc.sql("delete from oauth2_authorization_consent where registered_client_id = :id").param("id", app.id().toString()).update();
		jdbc.sql("delete from oauth2_registered_client where id = :id").param("id", app.id().toString()).update();
		clients.clear();
	}
}
