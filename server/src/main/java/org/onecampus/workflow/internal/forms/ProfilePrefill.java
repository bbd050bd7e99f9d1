package org.onecampus.workflow.internal.forms;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonProfiles;
import org.onecampus.identity.PersonProfiles.Profile;
import org.onecampus.workflow.PrefillProvider;
import org.onecampus.workflow.PrefilledValue;

import org.springframework.stereotype.Component;

/**
 * The {@code profile} namespace: the person's identity record as of now (identity is the system of record, so
 * every value is authoritative). Names: name, number, affiliationType, unit, college, major, class, phone, email,
 * counsellor, supervisor, classAdvisor (the last three are person ids), homeUnit (the org unit id of the 所在单位: the
 * college above the primary unit, or the primary unit outside colleges; for an org field).
 */
@Component
class ProfilePrefill implements PrefillProvider {

	private final PersonProfiles profiles;

	private final Clock clock;

	ProfilePrefill(PersonProfiles profiles, Clock clock) {
		this.profiles = profiles;
		this.clock = clock;
	}

	@Override
	public String namespace() {
		return "profile";
	}

	@Override
	public Map<String, PrefilledValue> values(UUID personId, Set<String> names) {
		Profile p = profiles.profile(personId).orElse(null);
		if (p == null) {
			return Map.of();
		}
		Instant now = clock.instant();
		Map<String, PrefilledValue> out = new HashMap<>();
		for (String name : names) {
			Object value = switch (name) {
				case "name" -> p.name();
				case "number" -> p.number();
				case "affiliationType" -> p.affiliationType();
				case "unit" -> p.unit();
				case "college" -> p.college();
				case "major" -> p.major();
				case "class" -> p.className();
				case "phone" -> p.phone();
				case "email" -> p.email();
				case "counsellor" -> id(p.counsellor());
				case "supervisor" -> id(p.supervisor());
				case "classAdvisor" -> id(p.classAdvisor());
				case "homeUnit" -> id(p.homeUnitId());
				default -> null;
			};
			if (value != null) {
				out.put(name, new PrefilledValue(value, "profile." + name, now, true));
			}
		}
		return out;
	}

	private static String id(UUID id) {
		return id == null ? null : id.toString();
	}
}
