package org.onecampus.messaging.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory.Contact;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.internal.Categories.Category;
import org.onecampus.messaging.internal.DefaultMessaging.Planned;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides, per recipient, which channels a message goes out on, in which language and from when:
 * the requested channels (or the category's), narrowed by the person's preference unless the
 * category is mandatory, and held back until the end of the person's quiet hours unless the
 * category is urgent. The in-app inbox is never held back.
 */
@Component("messagingRecipients")
class Recipients {

	private final JdbcClient jdbc;

	private final ChannelRegistry channels;

	private final Clock clock;

	Recipients(JdbcClient jdbc, ChannelRegistry channels) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.clock = Clock.systemUTC();
	}

	static String locale(Contact contact) {
		return "en-US".equals(contact.locale()) ? "en-US" : "zh-CN";
	}

	List<Planned> plan(Category category, List<String> requested, List<String> enabled, List<Contact> contacts) {
		UUID[] ids = contacts.stream().map(Contact::personId).toArray(UUID[]::new);
		Map<UUID, List<String>> preferences = new HashMap<>();
		Map<UUID, QuietHours> quiet = new HashMap<>();
		if (!category.mandatory() || !category.urgent()) {
			// the person's channel preference for the category and quiet hours, in one round trip
			jdbc.sql("""
					select x.person_id, p.channels, q.starts_at, q.ends_at, q.time_zone
					from unnest(?::uuid[]) as x(person_id)
					left join messaging_preference p on p.person_id = x.person_id and p.category_code = ?
					left join messaging_quiet_hours q on q.person_id = x.person_id
					where p.person_id is not null or q.person_id is not null""")
				.params(ids, category.code())
				.query(rs -> {
					UUID person = rs.getObject("person_id", UUID.class);
					if (!category.mandatory() && rs.getArray("channels") != null) {
						preferences.put(person, Categories.strings(rs.getArray("channels")));
					}
					if (!category.urgent() && rs.getTime("starts_at") != null) {
						quiet.put(person, new QuietHours(rs.getTime("starts_at").toLocalTime(),
								rs.getTime("ends_at").toLocalTime(), java.time.ZoneId.of(rs.getString("time_zone"))));
					}
				});
		}
		List<String> base = requested.isEmpty() ? category.defaultChannels() : requested;
		Instant now = clock.instant();
		List<Planned> planned = new ArrayList<>();
		for (Contact contact : contacts) {
			List<String> wanted = preferences.getOrDefault(contact.personId(), base);
			QuietHours hours = quiet.get(contact.personId());
			for (String id : base) {
				if (!wanted.contains(id) || !enabled.contains(id)) {
					continue;
				}
				MessageChannel channel = channels.find(id).orElseThrow();
				Instant notBefore = hours == null || "inapp".equals(id) ? null : hours.endIfInside(now).orElse(null);
				planned.add(new Planned(contact, channel, locale(contact), address(channel, contact), notBefore));
			}
		}
		return planned;
	}

	private static String address(MessageChannel channel, Contact contact) {
		String value = switch (channel.addressKind()) {
			case PERSON -> null;
			case EMAIL -> contact.email();
			case PHONE -> contact.phone();
			case USERNAME -> contact.username();
		};
		return value == null || value.isBlank() ? null : value;
	}
}
