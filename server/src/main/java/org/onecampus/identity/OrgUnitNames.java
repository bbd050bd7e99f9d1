package org.onecampus.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Names of org units for display in other modules (the department owning a service item). */
public interface OrgUnitNames {

	/** @return the units among the ids that exist, by id; never null */
	Map<UUID, OrgUnitName> of(Collection<UUID> orgUnitIds);

	/** @param nameEn null when the unit has no English name */
	record OrgUnitName(UUID id, String code, String name, String nameEn) {
	}
}
