package org.onecampus.messaging;

import java.util.UUID;

/** One delivery reached its channel (for the in-app channel: it is in the person's inbox). */
public record MessageDelivered(UUID messageId, long deliveryId, UUID personId, String channel) {
}
