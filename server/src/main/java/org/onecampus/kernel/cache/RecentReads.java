package org.onecampus.kernel.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A small read cache for rows that are read on every request or message and rarely change (a
 * registered client, an app, a message category or template). A change on this node clears it at
 * once and again when the changing transaction ends, so no reader can keep a value read before that
 * commit; a change made on another node (or by SQL behind the application's back) is seen after at
 * most {@link #TTL}. Null (not found) is not cached.
 *
 * A value read inside a transaction is cached unless that transaction changed the cached rows itself
 * (called {@link #clear()}): such a read may see the transaction's own uncommitted change.
 */
public final class RecentReads<K, V> {

	/** How long another node's change may go unseen here. */
	public static final Duration TTL = Duration.ofSeconds(5);

	private static final int MAX_ENTRIES = 1_000;

	private record Entry<V>(V value, long loadedAt) {
	}

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	public V get(K key, Function<K, V> loader) {
		Entry<V> entry = entries.get(key);
		long now = System.nanoTime();
		if (entry != null && now - entry.loadedAt() < TTL.toNanos()) {
			return entry.value();
		}
		V value = loader.apply(key);
		if (value != null && !TransactionSynchronizationManager.hasResource(this)) {
			if (entries.size() >= MAX_ENTRIES) {
				entries.clear();
			}
			entries.put(key, new Entry<>(value, now));
		}
		return value;
	}

	/**
	 * Forgets everything now and, inside a transaction, once more after it ends; until then nothing
	 * read in that transaction is cached.
	 */
	public void clear() {
		entries.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive() && !TransactionSynchronizationManager.hasResource(this)) {
			TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void suspend() {
					TransactionSynchronizationManager.unbindResourceIfPossible(RecentReads.this);
				}

				@Override
				public void resume() {
					TransactionSynchronizationManager.bindResource(RecentReads.this, Boolean.TRUE);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(RecentReads.this);
					entries.clear();
				}
			});
		}
	}
}
