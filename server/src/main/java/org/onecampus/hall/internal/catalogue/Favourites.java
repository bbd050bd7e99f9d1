package org.onecampus.hall.internal.catalogue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's favourite services ({@code hall_favourite}). */
@Repository
class Favourites {

	private final JdbcClient jdbc;

	Favourites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the person's favourite codes, most recently added first */
	Set<String> of(UUID personId) {
		return new LinkedHashSet<>(jdbc.sql("""
				select service_code from hall_favourite where person_id = :person order by created_at desc, service_code""")
			.param("person", personId).query(String.class).list());
	}

	/** @return whether it was not a favourite before */
	boolean add(UUID personId, String code) {
		return jdbc.sql("insert into hall_favourite (person_id, service_code) values (:person, :code) on conflict do nothing")
			.param("person", personId).param("code", code).update() > 0;
	}

	/** @return whether it was a favourite */
	boolean remove(UUID personId, String code) {
		return jdbc.sql("delete from hall_favourite where person_id = :person and service_code = :code")
			.param("person", personId).param("code", code).update() > 0;
	}
}
