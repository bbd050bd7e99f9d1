package org.onecampus.identity.internal.oidc;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the stored authorizations of client-credentials tokens that expired more than an hour ago.
 * Every such token stores one row (introspection and revocation read it), and a system client asking for
 * a token per call would otherwise grow the table by hundreds of rows a second, for good. An expired
 * token is inactive whether its row is there or not, and its {@code sso.oidc.token-issued} audit entry
 * stays. Authorizations of people (codes, refresh tokens, ID tokens) are left alone: back-channel logout
 * finds the apps a person signed in to through them.
 */
@Component
class ExpiredClientTokens {

	private final JdbcClient jdbc;

	ExpiredClientTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return how many authorizations were deleted */
	@Scheduled(fixedDelayString = "${onecampus.sso.expired-token-purge-interval:PT5M}", initialDelayString = "PT2M")
	int purge() {
		return jdbc.sql("""
				delete from oauth2_authorization
				where authorization_grant_type = 'client_credentials'
				  and access_token_expires_at < now() - interval '1 hour'""").update();
	}
}
