package org.onecampus.identity.internal.apps;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small read cache for registry rows that every token request reads (the registered client, the
 * app). A change on this node clears it at once and again when the changing transaction ends, so no
 * reader can keep a value read before that commit; a change made on another node is seen after at most
 * {@link #TTL}. Null (not found) is not cached.
 */
final class RecentReads<K, V> {

	/** How long another node's change may go unseen here. */
	static final Duration TTL = Duration.ofSeconds(5);

	private static final int MAX_ENTRIES = 1_000;

	private record Entry<V>(V value, long loadedAt) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	V get(K key, Function<K, V> loader) {
		Entry<V> entry = entries.get(key);
		long now = System.nanoTime();
		if (entry != null && now - entry.loadedAt() < TTL.toNanos()) {
			return entry.value();
		}
		V value = loader.apply(key);
		if (value != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(key, new Entry<>(value, now));
		}
		return value;
	}

	/** Forgets everything now and, inside a transaction, once more after it ends. */
	void clear() {
		entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					entries.clear();
				}
			});
		}
	}
}
