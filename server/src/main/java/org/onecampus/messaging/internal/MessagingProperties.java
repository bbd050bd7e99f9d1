package org.onecampus.messaging.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery tuning ({@code onecampus.messaging.*}).
 *
 * @param maxAttempts attempts per delivery before it is given up as failed
 * @param initialBackoff wait after the first failed attempt; doubles with each further one
 * @param maxBackoff longest wait between attempts
 * @param pollInterval how often each channel's worker looks for due deliveries
 * @param batchSize at most this many deliveries per channel and poll
 * @param maxTitleLength longest title, in characters
 * @param maxBodyLength longest body, in characters
 * @param lease how long a claimed delivery is reserved for the node sending it; after a crash it is
 * retried when the lease ends
 */
@ConfigurationProperties("onecampus.messaging")
record MessagingProperties(Integer maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration pollInterval,
		Integer batchSize, Integer maxTitleLength, Integer maxBodyLength, Duration lease) {

	MessagingProperties {
		maxAttempts = maxAttempts == null ? 6 : maxAttempts;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(10) : initialBackoff;
		maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
		pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
		batchSize = batchSize == null ? 200 : batchSize;
		maxTitleLength = maxTitleLength == null ? 200 : maxTitleLength;
		maxBodyLength = maxBodyLength == null ? 20_000 : maxBodyLength;
		lease = lease == null ? Duration.ofMinutes(2) : lease;
	}

	Backoff backoff() {
		return new Backoff(initialBackoff, maxBackoff);
	}
}
