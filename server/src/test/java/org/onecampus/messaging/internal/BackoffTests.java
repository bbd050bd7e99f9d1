package org.onecampus.messaging.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	@Test
	void theWaitDoublesAfterEachFailureUpToTheCap() {
		Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(5));
		assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(80));
		assertThat(backoff.after(6)).isEqualTo(Duration.ofMinutes(5));
		assertThat(backoff.after(100)).isEqualTo(Duration.ofMinutes(5));
	}
}
