package org.onecampus.messaging.internal.identity;

import java.util.List;
import java.util.Map;

import org.onecampus.identity.PasswordResetRequested;
import org.onecampus.identity.PasswordResets;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.messaging.SendMessage.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends a forgotten-password code on the channel the person chose, with the {@code verification-code}
 * template. The event carries no code; it is fetched from identity once, so a redelivered event
 * sends nothing twice (the idempotency key covers a retry after the fetch).
 */
@Component
class PasswordResetCodes {

	private final PasswordResets resets;

	private final Messaging messaging;

	PasswordResetCodes(PasswordResets resets, Messaging messaging) {
		this.resets = resets;
		this.messaging = messaging;
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested event) {
		resets.codeFor(event.requestId())
			.ifPresent(code -> messaging.send(new SendMessage("module:identity", "password-reset:" + event.requestId(),
					"verification-code", Recipients.persons(event.username()), "verification-code",
					Map.of("code", code, "minutes", Integer.toString(event.minutes())), null, null,
					List.of(event.channel()))));
	}
}
