package org.onecampus.identity.internal.org;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.OrgChart;
import org.onecampus.identity.OrgChart.ApproverRule;
import org.onecampus.identity.PersonProfiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link PersonProfiles} over people, the primary active affiliation, the org tree and current positions. */
@Service
class JdbcPersonProfiles implements PersonProfiles {

	private static final String CURRENT = "(p.end_date is null or p.end_date >= current_date) and p.start_date <= current_date";

	private final JdbcClient jdbc;

	private final OrgChart orgChart;

	JdbcPersonProfiles(JdbcClient jdbc, OrgChart orgChart) {
		this.jdbc = jdbc;
		this.orgChart = orgChart;
	}

	@Override
	public Optional<Profile> profile(UUID personId) {
		Optional<Base> base = jdbc.sql("""
				select p.id, p.name, p.name_en, p.phone, p.email, a.identifier, a.type, a.org_unit_id, o.name as unit
				from identity_person p
				left join lateral (select * from identity_affiliation a where a.person_id = p.id and a.status = 'ACTIVE'
				                   order by a.is_primary desc, a.start_date limit 1) a on true
				left join identity_org_unit o on o.id = a.org_unit_id
				where p.id = :id""").param("id", personId)
			.query((rs, n) -> new Base(rs.getString("name"), rs.getString("name_en"), rs.getString("phone"),
					rs.getString("email"), rs.getString("identifier"), rs.getString("type"),
					rs.getObject("org_unit_id", UUID.class), rs.getString("unit")))
			.optional();
		return base.map(b -> {
			List<Unit> chain = b.unitId() == null ? List.of() : chain(b.unitId());
			return new Profile(personId, b.name(), b.nameEn(), b.number(), b.type(), b.unitId(), b.unit(),
					named(chain, "COLLEGE"), named(chain, "MAJOR"), named(chain, "CLASS"), b.phone(), b.email(),
					first(orgChart.resolve(personId, new ApproverRule.ClassCounsellor())),
					first(orgChart.resolve(personId, new ApproverRule.Supervisor())), classAdvisor(personId),
					chain.stream().filter(u -> u.type().equals("COLLEGE")).map(Unit::id).findFirst().orElse(null));
		});
	}

	@Override
	public Set<UUID> existingPersons(Collection<UUID> personIds) {
		if (personIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select id from identity_person where id = any(?)")
			.param(personIds.toArray(UUID[]::new)).query(UUID.class).list());
	}

	@Override
	public Set<UUID> existingOrgUnits(Collection<UUID> orgUnitIds) {
		if (orgUnitIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select id from identity_org_unit where id = any(?)")
			.param(orgUnitIds.toArray(UUID[]::new)).query(UUID.class).list());
	}

	@Override
	public Optional<UUID> orgUnitIdByCode(String code) {
		return jdbc.sql("select id from identity_org_unit where code = ?").param(code).query(UUID.class).optional();
	}

	/** The unit and its ancestors, nearest first. */
	private List<Unit> chain(UUID unitId) {
		return jdbc.sql("""
				with recursive up(id, parent_id, type, name, depth) as (
				  select id, parent_id, type, name, 0 from identity_org_unit where id = :id
				  union all
				  select o.id, o.parent_id, o.type, o.name, up.depth + 1 from identity_org_unit o join up on o.id = up.parent_id
				  where up.depth < 32)
				select id, type, name from up order by depth""").param("id", unitId)
			.query((rs, n) -> new Unit(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"))).list();
	}

	private UUID classAdvisor(UUID personId) {
		return jdbc.sql("""
				select p.person_id from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				join identity_position p on p.org_unit_id = o.id and p.kind = 'CLASS_ADVISOR'
				where a.person_id = :s and a.status = 'ACTIVE' and o.type = 'CLASS' and """ + CURRENT
				+ " order by p.person_id limit 1")
			.param("s", personId).query(UUID.class).optional().orElse(null);
	}

	private static String named(List<Unit> chain, String type) {
		return chain.stream().filter(u -> u.type().equals(type)).map(Unit::name).findFirst().orElse(null);
	}

	private static UUID first(List<UUID> ids) {
		return ids.isEmpty() ? null : ids.get(0);
	}

	private record Base(String name, String nameEn, String phone, String email, String number, String type,
			UUID unitId, String unit) {
	}

	private record Unit(UUID id, String type, String name) {
	}
}
