package org.onecampus.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A weak-password campaign asks the holders of weak accounts to change their password: at launch,
 * in a reminder round before the deadline, and once the deadline has passed (they must change it at
 * their next sign-in). Carries no password, score or anything derived from one.
 *
 * @param campaignId the campaign
 * @param round {@code launch}, {@code remind-<days>} or {@code deadline}; with the campaign id it
 * names this notice uniquely, so a listener may use both as an idempotency key
 * @param kind what the notice says
 * @param title the campaign's Chinese title
 * @param titleEn the campaign's English title
 * @param notice the administrator's text for the account holders
 * @param deadline by when the password has to change
 * @param personIds the persons to tell; never empty
 */
public record WeakPasswordCampaignNotice(UUID campaignId, String round, Kind kind, String title, String titleEn,
		String notice, Instant deadline, List<UUID> personIds) {

	public WeakPasswordCampaignNotice {
		personIds = List.copyOf(personIds);
	}

	public enum Kind {
		/** The campaign started. */
		LAUNCHED,
		/** A reminder before the deadline. */
		REMINDER,
		/** The deadline passed with the password still weak. */
		FORCED
	}
}
