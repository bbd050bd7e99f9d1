package org.onecampus.identity.internal.sso;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads people the way single sign-on releases them: by username, with active affiliations only. */
@Repository
public class SsoPersons {

	private final JdbcClient jdbc;

	SsoPersons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the enabled account's person, or empty when there is none */
	public Optional<SsoPerson> byUsername(String username) {
		return jdbc.sql("""
				select a.id as account_id, p.id as person_id, a.username, p.name, p.email, p.phone
				from identity_account a join identity_person p on p.id = a.person_id
				where lower(a.username) = lower(:username) and a.enabled""")
			.param("username", username)
			.query((rs, n) -> {
				UUID personId = rs.getObject("person_id", UUID.class);
				List<String[]> active = activeAffiliations(personId);
				return new SsoPerson(rs.getObject("account_id", UUID.class), personId, rs.getString("username"),
						rs.getString("name"), rs.getString("email"), rs.getString("phone"),
						active.stream().map(a -> a[0]).distinct().toList(),
						active.stream().map(a -> a[1]).filter(java.util.Objects::nonNull).toList());
			})
			.optional();
	}

	private List<String[]> activeAffiliations(UUID personId) {
		return jdbc.sql("""
				select type, identifier from identity_affiliation
				where person_id = :id and status = 'ACTIVE' and start_date <= current_date
				  and (end_date is null or end_date >= current_date)
				order by is_primary desc, start_date""")
			.param("id", personId)
			.query((rs, n) -> new String[] { rs.getString("type"), rs.getString("identifier") })
			.list();
	}
}
