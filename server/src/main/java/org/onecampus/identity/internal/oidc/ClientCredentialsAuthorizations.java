package org.onecampus.identity.internal.oidc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.support.lob.LobCreator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring Authorization Server's JDBC authorizations, with the authorization a client-credentials token
 * stores written in one statement and committed together with the token's audit entry.
 * <p>
 * The JDBC service looks every authorization up by id before it decides between insert and update, but
 * a new client-credentials authorization always has a fresh random id, so it is inserted directly (same
 * row, same serialisation, so introspection and revocation read it as before). The insert goes in the
 * transaction that appends the token's {@code sso.oidc.token-issued} entry to the audit chain
 * ({@link AuditLog#record(AuditEntry, Runnable)}): outside a transaction that is the audit group commit,
 * so concurrent token requests share one commit instead of paying one for the audit entry and another for
 * the authorization. The token is only answered once both are committed, and an authorization is stored
 * exactly when its audit entry is. A save that is not a new token (the revocation of one saves it again,
 * invalidated) takes the usual path without an audit entry; so does a non-invalidated one whose row
 * exists already (the insert fails on the primary key and neither is kept).
 */
final class ClientCredentialsAuthorizations extends JdbcOAuth2AuthorizationService {

	private static final String INSERT = """
			INSERT INTO oauth2_authorization (id, registered_client_id, principal_name, authorization_grant_type, \
			authorized_scopes, attributes, state, authorization_code_value, authorization_code_issued_at, \
			authorization_code_expires_at, authorization_code_metadata, access_token_value, access_token_issued_at, \
			access_token_expires_at, access_token_metadata, access_token_type, access_token_scopes, oidc_id_token_value, \
			oidc_id_token_issued_at, oidc_id_token_expires_at, oidc_id_token_metadata, refresh_token_value, \
			refresh_token_issued_at, refresh_token_expires_at, refresh_token_metadata, user_code_value, \
			user_code_issued_at, user_code_expires_at, user_code_metadata, device_code_value, device_code_issued_at, \
			device_code_expires_at, device_code_metadata) \
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final AuditLog audit;

	ClientCredentialsAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients, AuditLog audit) {
		super(jdbc, clients);
		this.audit = audit;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (!issued(authorization)) {
			super.save(authorization);
			return;
		}
		AuditEntry entry = new AuditEntry(authorization.getPrincipalName(), "sso.oidc.token-issued",
				"app:" + authorization.getPrincipalName(),
				Map.of("grant", "client_credentials", "scopes", List.copyOf(authorization.getAuthorizedScopes())),
				OidcClaims.clientAddress());
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			audit.record(entry, () -> super.save(authorization));
			return;
		}
		// Computed here: the insert may run on the audit writer's thread.
		Object[] values = getAuthorizationParametersMapper().apply(authorization).toArray();
		try {
			audit.record(entry, () -> {
				try (LobCreator lobs = getLobHandler().getLobCreator()) {
					getJdbcOperations().update(INSERT, new LobSetter(lobs, values));
				}
			});
		}
		catch (DuplicateKeyException existing) {
			// Not new after all: an update, without an audit entry.
			super.save(authorization);
		}
	}

	/** @return whether this is the first save of a client-credentials token: its access token is still valid */
	private static boolean issued(OAuth2Authorization authorization) {
		var token = authorization.getAccessToken();
		return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
				&& token != null && !token.isInvalidated();
	}

	/** Binds the mapper's values as the JDBC service does: BLOB and CLOB columns through the LOB creator. */
	private static final class LobSetter extends ArgumentPreparedStatementSetter {

		private final LobCreator lobs;

		LobSetter(LobCreator lobs, Object[] values) {
			super(values);
			this.lobs = lobs;
		}

		@Override
		protected void doSetValue(PreparedStatement ps, int position, Object value) throws SQLException {
			if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.BLOB) {
				lobs.setBlobAsBytes(ps, position, (byte[]) parameter.getValue());
				return;
			}
			if (value instanceof SqlParameterValue parameter && parameter.getSqlType() == Types.CLOB) {
				lobs.setClobAsString(ps, position, (String) parameter.getValue());
				return;
			}
			super.doSetValue(ps, position, value);
		}
	}
}
