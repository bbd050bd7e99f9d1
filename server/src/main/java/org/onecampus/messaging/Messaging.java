package org.onecampus.messaging;

/**
 * The one way other modules send messages to people. Accepting a message stores it, its recipients
 * as resolved now and one delivery per recipient and channel in the caller's transaction (or a new
 * one); delivery happens afterwards, with retries, so an accepted message is never lost.
 */
public interface Messaging {

	/**
	 * Accepts a message for delivery. With an idempotency key that this sender used before for the
	 * same request, returns the earlier message again and sends nothing.
	 * @param command what to send; not null
	 * @return the accepted message; never null
	 * @throws org.onecampus.kernel.error.PlatformException 422 for unknown recipients, an empty
	 * recipient set, an unknown category or template, a missing template variable or an oversized
	 * title or body; 409 when the idempotency key was used before for a different request
	 */
	MessageReceipt send(SendMessage command);
}
