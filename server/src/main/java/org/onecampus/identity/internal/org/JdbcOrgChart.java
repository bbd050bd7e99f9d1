package org.onecampus.identity.internal.org;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.OrgChart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link OrgChart} over the org tree, the active affiliations and the current positions. */
@Service
class JdbcOrgChart implements OrgChart {

	private static final String CURRENT = "(p.end_date is null or p.end_date >= current_date) and p.start_date <= current_date";

	private final JdbcClient jdbc;

	JdbcOrgChart(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<UUID> resolve(UUID personId, ApproverRule rule) {
		if (rule instanceof ApproverRule.Supervisor) {
			return jdbc.sql("select distinct p.person_id from identity_position p where p.kind = 'SUPERVISOR' and p.subject_person_id = :s and "
					+ CURRENT + " order by 1").param("s", personId).query(UUID.class).list();
		}
		if (rule instanceof ApproverRule.ClassCounsellor) {
			return classPosition(personId, "COUNSELLOR");
		}
		if (rule instanceof ApproverRule.ClassAdvisor) {
			return classPosition(personId, "CLASS_ADVISOR");
		}
		if (rule instanceof ApproverRule.PositionAt at) {
			return jdbc.sql("select distinct p.person_id from identity_position p where p.org_unit_id = :u and p.kind = :k and "
					+ CURRENT + " order by 1").param("u", at.orgUnitId()).param("k", at.kind()).query(UUID.class).list();
		}
		if (rule instanceof ApproverRule.UnitHead) {
			return primaryUnit(personId).map(unit -> heads(unit, personId)).orElse(List.of());
		}
		List<UUID> chain = primaryUnit(personId).map(this::ancestors).orElse(List.of());
		if (rule instanceof ApproverRule.CollegeHead) {
			return chain.stream().filter(unit -> "COLLEGE".equals(type(unit))).findFirst()
				.map(unit -> heads(unit, personId)).orElse(List.of());
		}
		int wanted = ((ApproverRule.LevelsUp) rule).levels();
		int level = 0;
		for (UUID unit : chain) {
			List<UUID> heads = heads(unit, personId);
			if (!heads.isEmpty() && ++level == wanted) {
				return heads;
			}
		}
		return List.of();
	}

	private List<UUID> classPosition(UUID personId, String kind) {
		return jdbc.sql("""
				select distinct p.person_id from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				join identity_position p on p.org_unit_id = o.id and p.kind = :k
				where a.person_id = :s and a.status = 'ACTIVE' and o.type = 'CLASS' and """ + " " + CURRENT + " order by 1")
			.param("s", personId).param("k", kind).query(UUID.class).list();
	}

	private Optional<UUID> primaryUnit(UUID personId) {
		return jdbc.sql("""
				select org_unit_id from identity_affiliation where person_id = :p and status = 'ACTIVE'
				order by is_primary desc, start_date limit 1""").param("p", personId).query(UUID.class).optional();
	}

	/** The unit itself first, then its parent, up to the root. */
	private List<UUID> ancestors(UUID unit) {
		List<UUID> chain = new ArrayList<>();
		Set<UUID> seen = new LinkedHashSet<>();
		UUID current = unit;
		while (current != null && seen.add(current)) {
			chain.add(current);
			current = jdbc.sql("select parent_id from identity_org_unit where id = :id").param("id", current)
				.query((rs, n) -> rs.getObject(1, UUID.class)).optional().orElse(null);
		}
		return chain;
	}

	private String type(UUID unit) {
		return jdbc.sql("select type from identity_org_unit where id = :id").param("id", unit).query(String.class).single();
	}

	/** Current heads of the unit other than the applicant (a head's own manager is one level higher). */
	private List<UUID> heads(UUID unit, UUID applicant) {
		return jdbc.sql("select distinct p.person_id from identity_position p where p.org_unit_id = :u and p.kind = 'HEAD' and p.person_id <> :a and "
				+ CURRENT + " order by 1").param("u", unit).param("a", applicant).query(UUID.class).list();
	}
}
