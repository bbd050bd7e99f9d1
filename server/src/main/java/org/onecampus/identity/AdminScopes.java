package org.onecampus.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Which part of the org tree an administrator may act on with a permission, for department-scoped administration
 * in other modules (service hall items of a department): the whole university when a role granting it is assigned
 * without a scope, otherwise the subtrees below the scope units of the roles that grant it.
 */
public interface AdminScopes {

	/** @return the scope of {@code user} for {@code permission}; never null */
	Administered of(CampusUser user, String permission);

	/**
	 * @param whole the whole university
	 * @param units the org units in scope when not {@code whole}
	 */
	record Administered(boolean whole, Set<UUID> units) {

		public Administered {
			units = Set.copyOf(units);
		}

		public boolean covers(UUID orgUnitId) {
			return whole || orgUnitId != null && units.contains(orgUnitId);
		}

		public boolean none() {
			return !whole && units.isEmpty();
		}
	}
}
