package org.onecampus.identity.internal.sso;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person as single sign-on releases them to an app.
 *
 * @param accountId the account, never null
 * @param personId the person, never null
 * @param username the username, never null
 * @param name the name, never null
 * @param email e-mail; may be null
 * @param phone phone; may be null
 * @param affiliations the active affiliation types (UNDERGRADUATE, FACULTY, ...), never null
 * @param identifiers the 学号/工号 of the active affiliations, never null
 */
public record SsoPerson(UUID accountId, UUID personId, String username, String name, String email, String phone,
		List<String> affiliations, List<String> identifiers) {

	/** The attribute names an app may have released to it. */
	public static final List<String> ATTRIBUTES = List.of("username", "name", "email", "phone", "affiliations",
			"identifiers", "personId");

	/** @return the attributes named in {@code released} that have a value, in a stable order */
	public Map<String, Object> attributes(List<String> released) {
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("username", username);
		all.put("name", name);
		all.put("email", email);
		all.put("phone", phone);
		all.put("affiliations", affiliations);
		all.put("identifiers", identifiers);
		all.put("personId", personId.toString());
		Map<String, Object> chosen = new LinkedHashMap<>();
		all.forEach((key, value) -> {
			if (released.contains(key) && value != null) {
				chosen.put(key, value);
			}
		});
		return chosen;
	}

	/** @return whether one of this person's active affiliations is in {@code allowed}; an empty list allows all */
	public boolean mayUse(List<String> allowed) {
		return allowed.isEmpty() || affiliations.stream().anyMatch(allowed::contains);
	}
}
