package org.onecampus.messaging.internal.channels;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of WeCom and DingTalk, cached per node until shortly before they expire (both
 * give 7,200 s) and dropped when the service says a token is invalid or expired.
 */
final class AccessTokens {

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	/** @return the cached token for {@code key}, or null when there is none or it is about to expire */
	String get(String key) {
		Cached cached = cache.get(key);
		return cached == null || Instant.now().isAfter(cached.expiresAt()) ? null : cached.token();
	}

	void put(String key, String token, long expiresInSeconds) {
		long safe = Math.max(expiresInSeconds - 300, expiresInSeconds / 2);
		cache.put(key, new Cached(token, Instant.now().plusSeconds(safe)));
	}

	void invalidate(String key) {
		cache.remove(key);
	}

	private record Cached(String token, Instant expiresAt) {
	}
}
