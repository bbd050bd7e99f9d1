package org.onecampus.identity.internal.org;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.OrgUnitNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link OrgUnitNames} from {@code identity_org_unit}. */
@Component
class JdbcOrgUnitNames implements OrgUnitNames {

	private final JdbcClient jdbc;

	JdbcOrgUnitNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<UUID, Name> names(Collection<UUID> ids) {
		Map<UUID, Name> names = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, code, name, name_en from identity_org_unit where id in (:ids)").param("ids", ids)
			.query((rs, n) -> new Name(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
					rs.getString("name_en")))
			.list().forEach(name -> names.put(name.id(), name));
		return names;
	}
}
