package org.onecampus.hall.internal.statistics;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.onecampus.workflow.ProcessStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the daily rollups ({@code hall_stat_day}) equal to what the applications and evaluations say. Triggers queue
 * every (item, day) a change touches in {@code hall_stat_dirty}; {@link #drain} recomputes those rows from the raw
 * tables, {@link #rebuild} recomputes everything. Both run under one transaction-scoped advisory lock, so any number
 * of nodes may call them. SLA breaches count completed applications that ended later than the item's promised days
 * after submission, in working days of the default business calendar (judged with the promise the item has when the
 * row is computed); the time an application was on hold (suspended by an administrator) pushes its deadline back.
 */
@Component
public class Rollups {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(Rollups.class);

	private static final long LOCK = 0x4a11_57a7_0000_0001L;

	private static final int DRAIN_BATCH = 500;

	private static final List<String> COLUMNS = columns();

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate transaction;

	private final ProcessStatistics processes;

	Rollups(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transaction, ProcessStatistics processes) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(5000);
		this.streaming = new NamedParameterJdbcTemplate(template);
		this.transaction = transaction;
		this.processes = processes;
	}

	/** The outcome of a drain or rebuild: how many (item, day) pairs and rollup rows were written. */
	public record Result(boolean ran, int pairs, int rows) {
	}

	/**
	 * Recomputes the queued (item, day) pairs.
	 * @param wait wait for another node's drain or rebuild to finish (false: skip when one runs)
	 */
	public Result drain(boolean wait) {
		return transaction.execute(status -> {
			if (!lock(wait)) {
				return new Result(false, 0, 0);
			}
			int pairs = 0;
			int rows = 0;
			while (true) {
				Set<Pair> batch = new LinkedHashSet<>(jdbc.sql("""
						delete from hall_stat_dirty where id in (select id from hall_stat_dirty order by id limit :n)
						returning service_code, day""").param("n", DRAIN_BATCH)
					.query((rs, n) -> new Pair(rs.getString(1), rs.getObject(2, LocalDate.class))).list());
				if (batch.isEmpty()) {
					return new Result(true, pairs, rows);
				}
				Map<String, Integer> promised = promisedDays();
				for (Pair pair : batch) {
					rows += recompute(pair, promised);
				}
				pairs += batch.size();
			}
		});
	}

	/** Recomputes every rollup row from the raw tables. */
	public Result rebuild() {
		long started = System.nanoTime();
		Result result = transaction.execute(status -> {
			lock(true);
			jdbc.sql("delete from hall_stat_dirty").update();
			jdbc.sql("delete from hall_stat_day").update();
			Map<Key, Row> rows = collect("true", "true", "true", new MapSqlParameterSource(), promisedDays());
			write(rows.values());
			return new Result(true, (int) rows.keySet().stream().map(k -> new Pair(k.service(), k.day())).distinct().count(),
					rows.size());
		});
		log.info("Service hall statistics rebuilt: {} rollup rows in {} ms", result.rows(),
				(System.nanoTime() - started) / 1_000_000);
		return result;
	}

	private boolean lock(boolean wait) {
		if (wait) {
			jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK).query(Object.class).single();
			return true;
		}
		return jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single();
	}

	private int recompute(Pair pair, Map<String, Integer> promised) {
		Timestamp from = Timestamp.from(pair.day().atStartOfDay(ZONE).toInstant());
		Timestamp to = Timestamp.from(pair.day().plusDays(1).atStartOfDay(ZONE).toInstant());
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("s", pair.service()).addValue("a", from)
			.addValue("b", to);
		Map<Key, Row> rows = collect("a.service_code = :s and a.submitted_at >= :a and a.submitted_at < :b",
				"a.service_code = :s and a.ended_at >= :a and a.ended_at < :b",
				"e.service_code = :s and e.created_at >= :a and e.created_at < :b", params, promised);
		jdbc.sql("delete from hall_stat_day where service_code = :s and day = :d").param("s", pair.service())
			.param("d", pair.day()).update();
		write(rows.values());
		return rows.size();
	}

	private Map<String, Integer> promisedDays() {
		Map<String, Integer> promised = new HashMap<>();
		jdbc.sql("select code, promised_days from hall_service where promised_days is not null")
			.query(rs -> {
				promised.put(rs.getString(1), rs.getInt(2));
			});
		return promised;
	}

	/** Aggregates the applications and evaluations the three conditions select into rollup rows. */
	private Map<Key, Row> collect(String submittedWhere, String endedWhere, String ratedWhere,
			MapSqlParameterSource params, Map<String, Integer> promised) {
		Map<Key, Row> rows = new LinkedHashMap<>();
		streaming.query("""
				select a.service_code, (a.submitted_at at time zone 'Asia/Shanghai')::date as day, a.owner_org_unit_id,
				  count(*) as n, count(*) filter (where a.cross_department) as crossing
				from hall_application a where %s group by 1, 2, 3""".formatted(submittedWhere), params, rs -> {
			Row row = rows.computeIfAbsent(key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class)),
					Row::new);
			row.submitted += rs.getLong(4);
			row.crossSubmitted += rs.getLong(5);
		});
		streaming.query("""
				select a.service_code, a.owner_org_unit_id, a.status, a.return_count, a.submitted_at, a.ended_at,
				  a.suspended_seconds
				from hall_application a where a.ended_at is not null and %s""".formatted(endedWhere), params, rs -> {
			String service = rs.getString(1);
			Instant submitted = rs.getTimestamp(5).toInstant();
			Instant ended = rs.getTimestamp(6).toInstant();
			Row row = rows.computeIfAbsent(key(service, ended.atZone(ZONE).toLocalDate(), rs.getObject(2, UUID.class)),
					Row::new);
			row.ended(rs.getString(3), rs.getInt(4), submitted, ended, rs.getLong(7), promised.get(service), processes);
		});
		streaming.query("""
				select e.service_code, (e.created_at at time zone 'Asia/Shanghai')::date as day, a.owner_org_unit_id,
				  e.stars, count(*) as n
				from hall_evaluation e join hall_application a on a.id = e.application_id where %s
				group by 1, 2, 3, 4""".formatted(ratedWhere), params, rs -> {
			Row row = rows.computeIfAbsent(key(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, UUID.class)),
					Row::new);
			row.rated(rs.getInt(4), rs.getLong(5));
		});
		return rows;
	}

	private void write(java.util.Collection<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		String sql = "insert into hall_stat_day (" + String.join(", ", COLUMNS) + ") values ("
				+ COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
		List<Row> all = new ArrayList<>(rows);
		for (int start = 0; start < all.size(); start += 1000) {
			List<Row> chunk = all.subList(start, Math.min(all.size(), start + 1000));
			streaming.getJdbcTemplate().batchUpdate(sql, chunk, chunk.size(), Rollups::bind);
		}
	}

	private static void bind(PreparedStatement ps, Row row) throws SQLException {
		int i = 1;
		ps.setString(i++, row.key.service());
		ps.setObject(i++, row.key.day());
		ps.setObject(i++, row.key.owner());
		for (long value : new long[] { row.submitted, row.crossSubmitted, row.ended, row.approved, row.rejected,
				row.withdrawn, row.terminated, row.completed, row.oneTime, row.durationSum }) {
			ps.setLong(i++, value);
		}
		for (long count : row.histogram) {
			ps.setLong(i++, count);
		}
		for (long value : new long[] { row.promised, row.breaches, row.ratingCount, row.ratingSum }) {
			ps.setLong(i++, value);
		}
		for (long count : row.stars) {
			ps.setLong(i++, count);
		}
	}

	private static List<String> columns() {
		List<String> columns = new ArrayList<>(List.of("service_code", "day", "owner_org_unit_id", "submitted",
				"cross_submitted", "ended", "approved", "rejected", "withdrawn", "terminated", "completed", "one_time",
				"duration_sum"));
		IntStream.range(0, Histogram.BUCKETS).mapToObj(Histogram::column).forEach(columns::add);
		columns.addAll(List.of("promised", "breaches", "rating_count", "rating_sum", "s1", "s2", "s3", "s4", "s5"));
		return List.copyOf(columns);
	}

	private static Key key(String service, LocalDate day, UUID owner) {
		return new Key(service, day, owner);
	}

	record Pair(String service, LocalDate day) {
	}

	record Key(String service, LocalDate day, UUID owner) {
	}

	/** One rollup row being computed. */
	static final class Row {

		final Key key;

		long submitted, crossSubmitted, ended, approved, rejected, withdrawn, terminated, completed, oneTime, durationSum;

		final long[] histogram = new long[Histogram.BUCKETS];

		long promised, breaches, ratingCount, ratingSum;

		final long[] stars = new long[5];

		Row(Key key) {
			this.key = key;
		}

		/** @param suspendedSeconds time on hold (suspended by an administrator): it pushes the deadline back */
		void ended(String status, int returns, Instant submittedAt, Instant endedAt, long suspendedSeconds,
				Integer promisedDays, ProcessStatistics calendar) {
			ended++;
			switch (status) {
				case "APPROVED" -> approved++;
				case "REJECTED" -> rejected++;
				case "WITHDRAWN" -> withdrawn++;
				default -> terminated++;
			}
			if (!"APPROVED".equals(status) && !"REJECTED".equals(status)) {
				return;
			}
			completed++;
			if (returns == 0) {
				oneTime++;
			}
			long seconds = Math.max(0, endedAt.getEpochSecond() - submittedAt.getEpochSecond());
			durationSum += seconds;
			histogram[Histogram.bucketOf(seconds)]++;
			if (promisedDays != null) {
				promised++;
				if (endedAt.minusSeconds(suspendedSeconds).isAfter(calendar.addWorkingDays(submittedAt, promisedDays))) {
					breaches++;
				}
			}
		}

		void rated(int star, long count) {
			ratingCount += count;
			ratingSum += star * count;
			stars[star - 1] += count;
		}
	}
}
