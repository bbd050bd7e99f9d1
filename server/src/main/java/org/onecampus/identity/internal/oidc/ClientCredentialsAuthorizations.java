package org.onecampus.identity.internal.oidc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

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
 * Spring Authorization Server's JDBC authorizations, with one round trip instead of two for the
 * authorization a client-credentials token stores: the JDBC service looks every authorization up by id
 * before it decides between insert and update, but a new client-credentials authorization always has a
 * fresh random id. So it is inserted directly (same row, same serialisation, so introspection and
 * revocation read it as before); if the row exists already (the revocation of that token saves it
 * again), the insert fails on the primary key and the usual save updates it. Only outside a
 * transaction, where a failed insert cannot spoil the caller's transaction.
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

	ClientCredentialsAuthorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
		super(jdbc, clients);
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())
				&& !TransactionSynchronizationManager.isActualTransactionActive()) {
			Object[] values = getAuthorizationParametersMapper().apply(authorization).toArray();
			try (LobCreator lobs = getLobHandler().getLobCreator()) {
				getJdbcOperations().update(INSERT, new LobSetter(lobs, values));
				return;
			}
			catch (DuplicateKeyException existing) {
				// Not new: an update, below.
			}
		}
		super.save(authorization);
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
