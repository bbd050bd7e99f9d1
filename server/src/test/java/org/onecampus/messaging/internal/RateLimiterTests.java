package org.onecampus.messaging.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	@Test
	void aBurstGetsOneSecondsWorthAndThenWaitsForTokens() throws InterruptedException {
		RateLimiter limiter = new RateLimiter();
		assertThat(limiter.acquire(10, 100)).isEqualTo(10);
		assertThat(limiter.acquire(10, 100)).isZero();
		Thread.sleep(250);
		assertThat(limiter.acquire(10, 100)).isBetween(2, 4);
		limiter.release(3);
		assertThat(limiter.acquire(10, 3)).isEqualTo(3);
	}
}
