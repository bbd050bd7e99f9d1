package org.onecampus.messaging.channel;

/**
 * What became of a delivery attempt.
 *
 * @param kind sent, retry later, or failed for good
 * @param reason why it was not sent; null when sent
 */
public record DeliveryOutcome(Kind kind, String reason) {

	public static DeliveryOutcome sent() {
		return new DeliveryOutcome(Kind.SENT, null);
	}

	/** A temporary failure (down, rate limited, expired token): try again with backoff. */
	public static DeliveryOutcome retry(String reason) {
		return new DeliveryOutcome(Kind.RETRY, reason);
	}

	/** A permanent failure (rejected address, refused content): do not try again. */
	public static DeliveryOutcome failed(String reason) {
		return new DeliveryOutcome(Kind.FAILED, reason);
	}

	public enum Kind {
		SENT, RETRY, FAILED
	}
}
