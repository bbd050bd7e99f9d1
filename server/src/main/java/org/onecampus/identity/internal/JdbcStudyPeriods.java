package org.onecampus.identity.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.StudyPeriods;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@link StudyPeriods} from the person's active student affiliations. */
@Component
class JdbcStudyPeriods implements StudyPeriods {

	private final JdbcClient jdbc;

	JdbcStudyPeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<LocalDate> expectedGraduation(UUID personId) {
		return jdbc.sql("""
				select min(coalesce(end_date, make_date(extract(year from start_date)::int
				  + case type when 'POSTGRADUATE' then 3 else 4 end, 6, 30)))
				from identity_affiliation where person_id = :person and status = 'ACTIVE'
				and type in ('UNDERGRADUATE', 'POSTGRADUATE', 'PHD') and start_date <= current_date""")
			.param("person", personId).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
	}
}
