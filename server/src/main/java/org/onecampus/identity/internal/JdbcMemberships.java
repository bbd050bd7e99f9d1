package org.onecampus.identity.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.Memberships;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link Memberships} from the affiliation, position and role tables (the same rules as sign-in permissions). */
@Component
class JdbcMemberships implements Memberships {

	private final JdbcClient jdbc;

	JdbcMemberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Membership of(UUID personId) {
		Set<String> types = new HashSet<>(jdbc.sql("""
				select distinct type from identity_affiliation where person_id = :person and status = 'ACTIVE'
				and start_date <= current_date and (end_date is null or end_date >= current_date)""")
			.param("person", personId).query(String.class).list());
		Set<String> roles = new HashSet<>(jdbc.sql("""
				select ar.role_code from identity_account_role ar join identity_account a on a.id = ar.account_id
				where a.person_id = :person and a.enabled
				union select pr.role_code from identity_position p
				join identity_position_role pr on pr.position_kind = p.kind
				 and (pr.org_unit_id is null or pr.org_unit_id = p.org_unit_id)
				where p.person_id = :person and p.start_date <= current_date
				 and (p.end_date is null or p.end_date >= current_date)
				union select fr.role_code from identity_affiliation f
				join identity_affiliation_role fr on fr.affiliation_type = f.type
				where f.person_id = :person and f.status = 'ACTIVE' and f.start_date <= current_date
				 and (f.end_date is null or f.end_date >= current_date)""")
			.param("person", personId).query(String.class).list());
		Set<String> units = new HashSet<>(jdbc.sql("""
				with recursive own(id) as (
				  select org_unit_id from identity_affiliation where person_id = :person and status = 'ACTIVE'
				   and start_date <= current_date and (end_date is null or end_date >= current_date)
				  union select org_unit_id from identity_position where person_id = :person
				   and start_date <= current_date and (end_date is null or end_date >= current_date)),
				up(id, parent_id, code) as (
				  select o.id, o.parent_id, o.code from identity_org_unit o join own on own.id = o.id
				  union select o.id, o.parent_id, o.code from identity_org_unit o join up on up.parent_id = o.id)
				select distinct code from up""")
			.param("person", personId).query(String.class).list());
		return new Membership(personId, types, roles, units);
	}
}
