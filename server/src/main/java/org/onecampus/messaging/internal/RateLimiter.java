package org.onecampus.messaging.internal;

/**
 * A token bucket per channel and node: at most {@code perSecond} deliveries a second, with bursts
 * up to one second's worth.
 */
final class RateLimiter {

	private double tokens = Double.MAX_VALUE;

	private long lastNanos;

	RateLimiter() {
		this.lastNanos = System.nanoTime();
	}

	/** @return how many deliveries may start now (and takes them), at most {@code wanted} */
	synchronized int acquire(int perSecond, int wanted) {
		long now = System.nanoTime();
		tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
		lastNanos = now;
		int granted = (int) Math.min(wanted, Math.floor(tokens));
		tokens -= granted;
		return granted;
	}

	/** Gives back tokens that were taken but not used. */
	synchronized void release(int unused) {
		tokens += unused;
	}
}
