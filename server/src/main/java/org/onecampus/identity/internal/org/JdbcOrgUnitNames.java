package org.onecampus.identity.internal.org;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.OrgUnitNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OrgUnitNames} from the org unit table. */
@Component
class JdbcOrgUnitNames implements OrgUnitNames {

	private final JdbcClient jdbc;

	JdbcOrgUnitNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, OrgUnitName> of(Collection<UUID> orgUnitIds) {
		Map<UUID, OrgUnitName> names = new LinkedHashMap<>();
		if (orgUnitIds.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, code, name, name_en from identity_org_unit where id in (:ids)")
			.param("ids", orgUnitIds.stream().distinct().toList())
			.query((rs, n) -> new OrgUnitName(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("name_en")))
			.list().forEach(unit -> names.put(unit.id(), unit));
		return names;
	}
}
