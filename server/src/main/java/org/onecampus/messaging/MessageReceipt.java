package org.onecampus.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An accepted message.
 *
 * @param id the message id
 * @param recipients how many persons it was resolved to
 * @param deliveries how many deliveries (recipient × channel) were queued
 * @param acceptedAt when it was first accepted
 * @param replayed true when an earlier send with the same idempotency key is returned
 */
public record MessageReceipt(UUID id, int recipients, int deliveries, Instant acceptedAt, boolean replayed) {
}
