package org.onecampus.messaging;

import java.util.UUID;

/** One delivery was given up, with the reason. */
public record MessageDeliveryFailed(UUID messageId, long deliveryId, UUID personId, String channel, String reason) {
}
