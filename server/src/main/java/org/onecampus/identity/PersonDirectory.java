package org.onecampus.identity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who people are and how to reach them, for other modules: contacts, and audiences (persons, org
 * units with or without their sub-units, positions, roles, affiliation types) resolved to the
 * persons they mean at this moment. Only active affiliations, current positions and enabled
 * accounts count.
 */
public interface PersonDirectory {

	/** @return the person's contact details, or empty when there is no such person */
	Optional<Contact> contact(UUID personId);

	/** @return contacts of the given persons that exist, in no particular order; never null */
	List<Contact> contacts(Collection<UUID> personIds);

	/** @return the person with this username (case-insensitive), or empty */
	Optional<UUID> personIdByUsername(String username);

	/** @return the person holding this active 学号 / 工号 (case-insensitive), or empty */
	Optional<UUID> personIdByIdentifier(String identifier);

	/**
	 * Persons whose Chinese or English name contains the fragment (case-insensitive), for keyword
	 * filters over lists that show applicants' names.
	 * @param limit at most this many ids are returned
	 * @return never null; empty for a blank fragment
	 */
	Set<UUID> personIdsByName(String fragment, int limit);

	/**
	 * Resolves an audience to persons, de-duplicated.
	 * @param audience who is meant; not null
	 * @return the persons and whatever in the audience named nothing known
	 */
	Resolution resolve(Audience audience);

	/**
	 * How to reach a person.
	 * @param username the account's username; null when the person has no account
	 * @param nameEn may be null
	 * @param email may be null
	 * @param phone may be null
	 * @param locale preferred language ({@code zh-CN}, {@code en-US}); null when not chosen
	 */
	record Contact(UUID personId, String username, String name, String nameEn, String email, String phone,
			String locale) {
	}

	/**
	 * An audience: the union of everyone named by any of its parts. Empty lists name nobody.
	 * @param usernames persons by username
	 * @param orgUnits members (active affiliations) and position holders of these units, by code
	 * @param includeSubUnits whether {@code orgUnits} includes every unit below them
	 * @param positions holders of positions, each as {@code KIND} (anywhere) or {@code KIND@ORGCODE}
	 * @param roles holders of roles, by role code
	 * @param affiliationTypes persons with an active affiliation of these types
	 */
	record Audience(List<String> usernames, List<String> orgUnits, boolean includeSubUnits, List<String> positions,
			List<String> roles, List<String> affiliationTypes) {

		public Audience {
			usernames = usernames == null ? List.of() : List.copyOf(usernames);
			orgUnits = orgUnits == null ? List.of() : List.copyOf(orgUnits);
			positions = positions == null ? List.of() : List.copyOf(positions);
			roles = roles == null ? List.of() : List.copyOf(roles);
			affiliationTypes = affiliationTypes == null ? List.of() : List.copyOf(affiliationTypes);
		}

		public static Audience ofUsernames(String... usernames) {
			return new Audience(List.of(usernames), null, false, null, null, null);
		}

		public boolean isEmpty() {
			return usernames.isEmpty() && orgUnits.isEmpty() && positions.isEmpty() && roles.isEmpty()
					&& affiliationTypes.isEmpty();
		}
	}

	/**
	 * @param personIds everyone the audience names, de-duplicated
	 * @param unknown each part that names nothing known, as {@code usernames:foo}, {@code orgUnits:XYZ},
	 * {@code positions:BOSS}, {@code roles:NOPE} or {@code affiliationTypes:ALIEN}
	 */
	record Resolution(Set<UUID> personIds, List<String> unknown) {
	}
}
