package org.onecampus.messaging.channel;

import java.util.UUID;

/**
 * One delivery handed to a channel: the rendered message for one person.
 *
 * @param id delivery id, stable across retries (channels may pass it on for de-duplication)
 * @param messageId the message
 * @param personId the recipient
 * @param username the recipient's username; may be null
 * @param address the address of {@link MessageChannel#addressKind()}; null for {@code PERSON}
 * @param category the category code
 * @param title rendered title
 * @param body rendered body
 * @param attempt 1 for the first attempt
 */
public record OutgoingDelivery(long id, UUID messageId, UUID personId, String username, String address,
		String category, String title, String body, int attempt) {
}
