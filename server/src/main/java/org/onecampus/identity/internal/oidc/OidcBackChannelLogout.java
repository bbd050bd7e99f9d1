package org.onecampus.identity.internal.oidc;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.sso.LogoutDeliveries;
import org.onecampus.identity.internal.sso.LogoutDeliveries.Message;
import org.onecampus.identity.internal.sso.SigningKeys;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OpenID Connect Back-Channel Logout 1.0, which Spring Authorization Server does not provide: when a
 * person signs out of the platform, every OIDC app with a back-channel logout URI that holds an
 * authorization of theirs gets a signed logout token (delivered with retries), and those
 * authorizations (refresh tokens included) are removed.
 */
@Component
class OidcBackChannelLogout {

	static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

	private final SsoApps apps;

	private final SigningKeys keys;

	private final LogoutDeliveries deliveries;

	private final JdbcClient jdbc;

	OidcBackChannelLogout(SsoApps apps, SigningKeys keys, LogoutDeliveries deliveries, JdbcClient jdbc) {
		this.apps = apps;
		this.keys = keys;
		this.deliveries = deliveries;
		this.jdbc = jdbc;
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		String username = event.getAuthentication().getName();
		List<String> clientIds = jdbc.sql("select distinct registered_client_id from oauth2_authorization where principal_name = :name")
			.param("name", username).query(String.class).list();
		String issuer = issuer();
		List<Message> messages = clientIds.stream()
			.map(id -> apps.byId(UUID.fromString(id)))
			.flatMap(java.util.Optional::stream)
			.filter(app -> app.backchannelLogoutUri() != null)
			.map(app -> new Message(app.id(), "OIDC", app.backchannelLogoutUri(), "logout_token",
					logoutToken(issuer, app, username), username))
			.toList();
		jdbc.sql("delete from oauth2_authorization where principal_name = :name").param("name", username).update();
		deliveries.send(messages);
	}

	private String logoutToken(String issuer, SsoApp app, String username) {
		try {
			RSAKey key = keys.current();
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(app.code()).subject(username)
				.issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(120)))
				.jwtID(UUID.randomUUID().toString()).claim("events", Map.of(EVENT, Map.of())).build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
				.type(new JOSEObjectType("logout+jwt")).build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String issuer() {
		try {
			return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		}
		catch (IllegalStateException outsideRequest) {
			return "";
		}
	}
}
