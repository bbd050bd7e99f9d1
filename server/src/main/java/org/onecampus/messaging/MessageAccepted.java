package org.onecampus.messaging;

import java.util.UUID;

/** A message was accepted and its deliveries queued. */
public record MessageAccepted(UUID messageId, String sender, String category, int recipients, int deliveries) {
}
