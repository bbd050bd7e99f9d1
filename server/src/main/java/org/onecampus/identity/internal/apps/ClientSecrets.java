package org.onecampus.identity.internal.apps;

import org.onecampus.kernel.crypto.DataKeys;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The encoder for OAuth client secrets ({@link ClientSecretHashing}): used by the registry to store
 * them and by the authorization server's client authentication to check and upgrade them. Not a
 * {@link PasswordEncoder} bean itself, so people's passwords keep the one password encoder.
 */
@Component
public class ClientSecrets {

	private final ClientSecretHashing hashing;

	ClientSecrets(DataKeys keys, PasswordEncoder passwords) {
		this.hashing = new ClientSecretHashing(keys, passwords);
	}

	/** @return the encoder that stores client secrets as keyed hashes and still accepts Argon2id ones */
	public PasswordEncoder encoder() {
		return hashing;
	}
}
