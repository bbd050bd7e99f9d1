package org.onecampus.identity.internal.apps;

import org.onecampus.kernel.cache.RecentReads;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The authorization server's registered clients through a short read cache ({@link RecentReads}): every
 * token request looks its client up, and reading and parsing the row (JSON settings) was one database
 * round trip and a tenth of a token's CPU. Saves go to the repository and clear the cache;
 * {@link RegisteredClients} clears it when it deletes rows itself.
 */
public final class CachedRegisteredClients implements RegisteredClientRepository {

	private final RegisteredClientRepository delegate;

	private final RecentReads<String, RegisteredClient> byId = new RecentReads<>();

	private final RecentReads<String, RegisteredClient> byClientId = new RecentReads<>();

	public CachedRegisteredClients(RegisteredClientRepository delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(RegisteredClient client) {
		delegate.save(client);
		clear();
	}

	@Override
	public RegisteredClient findById(String id) {
		return byId.get(id, delegate::findById);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		return byClientId.get(clientId, delegate::findByClientId);
	}

	/** Forgets every cached client (after a change that did not go through {@link #save}). */
	public void clear() {
		byId.clear();
		byClientId.clear();
	}
}
