package org.onecampus.hall.internal.catalogue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who used which service when: recently used services per person and hot services (uses over the last 30 days).
 * The application use case records a use when an application is submitted.
 */
@Component
public class ServiceUsage {

	private final JdbcClient jdbc;

	ServiceUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that the person used the service now. */
	public void used(String serviceCode, UUID personId) {
		jdbc.sql("insert into hall_service_usage (service_code, person_id) values (:code, :person)")
			.param("code", serviceCode).param("person", personId).update();
	}

	/** @return the codes of the services the person used, most recent first */
	public List<String> recent(UUID personId, int limit) {
		return jdbc.sql("""
				select service_code from hall_service_usage where person_id = :person
				group by service_code order by max(used_at) desc, service_code limit :limit""")
			.param("person", personId).param("limit", limit).query(String.class).list();
	}

	/** @return uses per service code since the instant */
	public Map<String, Long> usesSince(Instant since) {
		Map<String, Long> uses = new HashMap<>();
		jdbc.sql("select service_code, count(*) as uses from hall_service_usage where used_at >= :since group by service_code")
			.param("since", java.sql.Timestamp.from(since))
			.query(rs -> {
				uses.put(rs.getString("service_code"), rs.getLong("uses"));
			});
		return uses;
	}
}
