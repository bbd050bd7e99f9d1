package org.onecampus.messaging.internal.identity;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonSignedIn;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;
import org.onecampus.messaging.SendMessage.Recipients;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person when their account signed in from a device it had not signed in from before, as a
 * {@code security} message (in-app and e-mail by default, the person's preferences decide), with
 * the {@code new-device} template.
 */
@Component
class NewDeviceNotices {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Messaging messaging;

	private final PersonDirectory directory;

	NewDeviceNotices(Messaging messaging, PersonDirectory directory) {
		this.messaging = messaging;
		this.directory = directory;
	}

	/**
	 * Only sign-ins from a new device are handed to this listener: the condition is checked when the event is
	 * published, so a sign-in from a known device (most of them) stores no event publication for it at all.
	 */
	@ApplicationModuleListener(condition = "#event.newDevice()")
	void on(PersonSignedIn event) {
		String name = directory.contact(event.personId()).map(PersonDirectory.Contact::name).orElse(event.username());
		messaging.send(new SendMessage("module:identity", "new-device:" + event.accountId() + ":" + event.at(), "security",
				Recipients.persons(event.username()), "new-device",
				Map.of("name", name, "time", TIME.format(event.at()), "device", device(event)), null, null, null));
	}

	/** The browser and address, short enough for a notice. */
	static String device(PersonSignedIn event) {
		String agent = event.userAgent() == null || event.userAgent().isBlank() ? "?" : event.userAgent().strip();
		if (agent.length() > 80) {
			agent = agent.substring(0, 80) + "…";
		}
		return event.ip() == null ? agent : agent + ", " + event.ip();
	}
}
