package org.onecampus.messaging.internal.identity;

import java.util.Map;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.SecondFactorReset;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.messaging.SendMessage.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person that an administrator reset their second factor, as a {@code security} message
 * with the {@code mfa-reset} template, so a reset they did not ask for does not go unnoticed.
 */
@Component
class SecondFactorResetNotices {

	private final Messaging messaging;

	private final PersonDirectory directory;

	SecondFactorResetNotices(Messaging messaging, PersonDirectory directory) {
		this.messaging = messaging;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(SecondFactorReset event) {
		String name = directory.contact(event.personId()).map(PersonDirectory.Contact::name).orElse(event.username());
		messaging.send(new SendMessage("module:identity", "mfa-reset:" + event.accountId() + ":" + event.at(), "security",
				Recipients.persons(event.username()), "mfa-reset",
				Map.of("name", name, "time", WeakPasswordCampaignNotices.TIME.format(event.at())), null, null, null));
	}
}
