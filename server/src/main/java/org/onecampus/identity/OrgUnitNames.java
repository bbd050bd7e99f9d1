package org.onecampus.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Names of org units by id, for other modules that show departments (service hall statistics). */
public interface OrgUnitNames {

	/** @return the units among {@code ids} that exist, with their names; never null */
	Map<UUID, Name> names(Collection<UUID> ids);

	/** @param nameEn null when the unit has no English name */
	record Name(UUID id, String code, String name, String nameEn) {
	}
}
