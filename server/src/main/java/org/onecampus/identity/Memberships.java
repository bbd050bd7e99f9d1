package org.onecampus.identity;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What a person belongs to today, for audience checks in other modules (which services a person may see and
 * apply for): affiliation types of ACTIVE unexpired affiliations, roles (granted to the account, to a current
 * position or to an affiliation type), and the org units of the person's active affiliations and current
 * positions together with every unit above them.
 */
public interface Memberships {

	/** @return the person's memberships; empty sets for an unknown person */
	Membership of(UUID personId);

	/**
	 * @param orgUnitCodes codes of the units the person is in and of every unit above them
	 */
	record Membership(UUID personId, Set<String> affiliationTypes, Set<String> roles, Set<String> orgUnitCodes) {

		public Membership {
			affiliationTypes = Set.copyOf(affiliationTypes);
			roles = Set.copyOf(roles);
			orgUnitCodes = Set.copyOf(orgUnitCodes);
		}

		/**
		 * An audience given as lists; a person is in it when any list matches (union), and everyone is in an
		 * audience whose lists are all empty or null.
		 * @param orgUnits org unit codes (members of sub-units are included)
		 */
		public boolean in(Collection<String> affiliationTypes, Collection<String> roles, Collection<String> orgUnits) {
			boolean open = empty(affiliationTypes) && empty(roles) && empty(orgUnits);
			return open || any(affiliationTypes, this.affiliationTypes) || any(roles, this.roles)
					|| any(orgUnits, this.orgUnitCodes);
		}

		private static boolean empty(Collection<String> values) {
			return values == null || values.isEmpty();
		}

		private static boolean any(Collection<String> wanted, Set<String> held) {
			return wanted != null && wanted.stream().anyMatch(held::contains);
		}
	}
}
