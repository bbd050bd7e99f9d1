package org.onecampus.messaging;

import java.util.List;
import java.util.Map;

/**
 * A message to send: a category, its recipients and either a template with variables or a title
 * and a body.
 *
 * @param sender who sends, such as a username, a client id or {@code module:hall}; not null
 * @param idempotencyKey makes a retried send return the first message; may be null
 * @param category category code such as {@code announcement}; not null
 * @param recipients who receives it; not null
 * @param template template code; null when {@code title} and {@code body} are given
 * @param variables values for the template's {@code {{placeholders}}}; may be null
 * @param title plain title; null with a template
 * @param body plain body; null with a template
 * @param channels restricts the channels (ids such as {@code inapp}, {@code email}); null or empty
 * means the category's channels and each person's preferences
 */
public record SendMessage(String sender, String idempotencyKey, String category, Recipients recipients,
		String template, Map<String, String> variables, String title, String body, List<String> channels) {

	public SendMessage {
		variables = variables == null ? Map.of() : Map.copyOf(variables);
		channels = channels == null ? List.of() : List.copyOf(channels);
	}

	/**
	 * Who receives a message: the union of everyone named. Lists may be null (nobody).
	 * @param persons usernames
	 * @param orgUnits org unit codes; with {@code includeSubUnits} also every unit below them
	 * @param positions {@code KIND} or {@code KIND@ORGCODE}
	 * @param roles role codes
	 * @param affiliationTypes affiliation types such as {@code STUDENT}
	 */
	public record Recipients(List<String> persons, List<String> orgUnits, boolean includeSubUnits,
			List<String> positions, List<String> roles, List<String> affiliationTypes) {

		public static Recipients persons(String... usernames) {
			return new Recipients(List.of(usernames), null, false, null, null, null);
		}
	}
}
