package org.onecampus.messaging.internal.identity;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.WeakPasswordCampaignNotice;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.messaging.SendMessage.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the holders of weak accounts about a weak-password campaign (launch, reminders, the deadline
 * passed) as {@code security} messages, with the {@code weak-password-*} templates. The campaign id
 * and round are the idempotency key, so a redelivered event sends nothing twice.
 */
@Component
class WeakPasswordCampaignNotices {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Messaging messaging;

	private final PersonDirectory directory;

	WeakPasswordCampaignNotices(Messaging messaging, PersonDirectory directory) {
		this.messaging = messaging;
		this.directory = directory;
	}

	@ApplicationModuleListener
	void on(WeakPasswordCampaignNotice event) {
		List<String> usernames = directory.contacts(event.personIds()).stream().map(PersonDirectory.Contact::username)
			.filter(Objects::nonNull).sorted().toList();
		if (usernames.isEmpty()) {
			return;
		}
		String template = switch (event.kind()) {
			case LAUNCHED -> "weak-password-campaign";
			case REMINDER -> "weak-password-reminder";
			case FORCED -> "weak-password-forced";
		};
		messaging.send(new SendMessage("module:identity", "password-campaign:" + event.campaignId() + ":" + event.round(),
				"security", new Recipients(usernames, null, false, null, null, null), template,
				Map.of("title", event.title(), "titleEn", event.titleEn(), "notice", event.notice(),
						"deadline", TIME.format(event.deadline())),
				null, null, null));
	}
}
