package org.onecampus.workflow.internal.tasks;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onecampus.workflow.ProcessStatistics;
import org.onecampus.workflow.internal.calendar.BusinessCalendar;
import org.onecampus.workflow.internal.calendar.BusinessCalendars;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ProcessStatistics} from the task projection ({@code workflow_task}) and the business calendars. The default
 * calendar is read at most once a minute: statistics judge thousands of promises in one go.
 */
@Component
class JdbcProcessStatistics implements ProcessStatistics {

	private static final Duration CALENDAR_FRESHNESS = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final BusinessCalendars calendars;

	private final JsonMapper json;

	private volatile Cached cached;

	private record Cached(BusinessCalendar calendar, Instant readAt) {
	}

	JdbcProcessStatistics(JdbcClient jdbc, BusinessCalendars calendars, JsonMapper json) {
		this.jdbc = jdbc;
		this.calendars = calendars;
		this.json = json;
	}

	@Override
	public List<NodeDuration> nodeDurations(String processKey, Instant from, Instant to) {
		return jdbc.sql("""
				select i.version, t.node_id, min(t.node_name::text) as node_name, count(*) as n,
				  avg(extract(epoch from t.ended_at - t.created_at)) as average,
				  percentile_cont(0.9) within group (order by extract(epoch from t.ended_at - t.created_at)) as p90
				from workflow_instance i join workflow_task t on t.instance_id = i.id
				where i.process_key = :key and i.started_at >= :from and i.started_at < :to
				  and t.status = 'DONE' and t.ended_at is not null
				group by i.version, t.node_id
				order by i.version desc, avg(extract(epoch from t.created_at - i.started_at)), t.node_id""")
			.param("key", processKey).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
			.query((rs, n) -> new NodeDuration(rs.getInt("version"), rs.getString("node_id"), names(rs.getString("node_name")),
					rs.getLong("n"), rs.getDouble("average"), rs.getDouble("p90")))
			.list();
	}

	@Override
	public Instant addWorkingDays(Instant from, int days) {
		Cached current = cached;
		Instant now = Instant.now();
		if (current == null || current.readAt().plus(CALENDAR_FRESHNESS).isBefore(now)) {
			current = new Cached(calendars.calendar(BusinessCalendars.DEFAULT), now);
			cached = current;
		}
		return current.calendar().addWorkingDays(from, days);
	}

	private Map<String, String> names(String text) {
		Map<String, String> names = new LinkedHashMap<>();
		if (text != null) {
			json.readTree(text).properties().forEach(e -> names.put(e.getKey(), e.getValue().asString()));
		}
		return names;
	}
}
