package org.onecampus.identity.internal.people;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Disables the accounts of people who have affiliations but none that is current any more. An
 * affiliation is current when it is ACTIVE (and its end date has not passed), or GRADUATED and
 * still inside the graduates' grace period. People without any affiliation (service accounts) are
 * left alone.
 */
@Component
class AccountDeactivation {

	private final JdbcClient jdbc;

	private final int graceDays;

	AccountDeactivation(JdbcClient jdbc, @Value("${onecampus.identity.lifecycle.graduate-grace-days:90}") int graceDays) {
		this.jdbc = jdbc;
		this.graceDays = graceDays;
	}

	int graceDays() {
		return graceDays;
	}

	/** @return the usernames of the accounts disabled now */
	List<String> disableWithoutCurrentAffiliation(LocalDate today, UUID onlyPerson) {
		return jdbc.sql("""
				update identity_account acc set enabled = false
				where acc.enabled and (cast(:person as uuid) is null or acc.person_id = :person)
				  and exists (select 1 from identity_affiliation a where a.person_id = acc.person_id)
				  and not exists (select 1 from identity_affiliation a where a.person_id = acc.person_id and (
				        (a.status = 'ACTIVE' and (a.end_date is null or a.end_date >= :today))
				     or (a.status = 'GRADUATED' and a.successor_id is null and a.end_date + :grace >= :today)))
				returning acc.username""")
			.param("person", onlyPerson).param("today", today).param("grace", graceDays)
			.query(String.class).list();
	}
}
