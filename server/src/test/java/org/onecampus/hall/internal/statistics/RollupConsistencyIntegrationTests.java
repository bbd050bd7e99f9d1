package org.onecampus.hall.internal.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.ProcessStatistics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollups equal a recomputation from the raw applications and evaluations, on random fixtures, after inserts,
 * after changes and deletions (drained incrementally), and after a full rebuild.
 */
@IntegrationTest
class RollupConsistencyIntegrationTests {

	static final String[] OUTCOMES = { "APPROVED", "APPROVED", "APPROVED", "REJECTED", "WITHDRAWN", "TERMINATED" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServiceCatalogue catalogue;

	@Autowired
	JsonMapper json;

	@Autowired
	Rollups rollups;

	@Autowired
	ProcessStatistics calendar;

	@Test
	void rollupsEqualTheRawRecomputation() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		StatisticsFixtures fixtures = new StatisticsFixtures(jdbc, catalogue, json);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		UUID a = fixtures.department("一致性测试甲");
		UUID b = fixtures.department("一致性测试乙");
		List<ServiceItem> items = List.of(fixtures.item("cons-1-" + suffix, "事项一", a, List.of(b), 3),
				fixtures.item("cons-2-" + suffix, "事项二", a, List.of(), null),
				fixtures.item("cons-3-" + suffix, "事项三", b, List.of(), 1));
		List<UUID> applications = new ArrayList<>();
		LocalDateTime start = LocalDate.of(2019, 1, 1).atStartOfDay();
		for (int i = 0; i < 400; i++) {
			ServiceItem item = items.get(random.nextInt(items.size()));
			LocalDateTime submitted = start.plusMinutes(random.nextInt(60 * 24 * 120));
			boolean running = random.nextInt(8) == 0;
			LocalDateTime ended = running ? null : submitted.plusMinutes(1 + (long) Math.pow(random.nextDouble(), 3) * 60 * 24 * 20);
			UUID id = fixtures.application(item, submitted, ended, running ? "RUNNING" : OUTCOMES[random.nextInt(OUTCOMES.length)],
					random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
			applications.add(id);
			if (ended != null && random.nextInt(3) == 0) {
				fixtures.evaluation(id, 1 + random.nextInt(5), "评价" + i, ended.plusHours(random.nextInt(200)));
			}
		}
		rollups.drain(true);
		assertThat(rolledUp(suffix)).as("seed %d after inserts", seed).isEqualTo(raw(suffix));

		for (int i = 0; i < 60; i++) {
			UUID id = applications.get(random.nextInt(applications.size()));
			switch (random.nextInt(4)) {
				case 0 -> jdbc.sql("""
						update hall_application set status = 'APPROVED', ended_at = coalesce(ended_at, submitted_at)
						  + make_interval(hours => :h) where id = :id""").param("h", random.nextInt(300)).param("id", id).update();
				case 1 -> jdbc.sql("update hall_application set return_count = return_count + 1 where id = :id").param("id", id)
					.update();
				case 2 -> jdbc.sql("delete from hall_evaluation where application_id = :id").param("id", id).update();
				default -> jdbc.sql("update hall_evaluation set stars = :s, created_at = created_at + interval '3 days' where application_id = :id")
					.param("s", 1 + random.nextInt(5)).param("id", id).update();
			}
		}
		rollups.drain(true);
		Map<String, List<Long>> drained = rolledUp(suffix);
		assertThat(drained).as("seed %d after changes", seed).isEqualTo(raw(suffix));

		rollups.rebuild();
		assertThat(rolledUp(suffix)).as("seed %d after a rebuild", seed).isEqualTo(drained);
	}

	/** Per item and day: submitted, crossing, ended, completed, one-time, duration sum, histogram total, promised, breaches, ratings, star sum. */
	private Map<String, List<Long>> rolledUp(String suffix) {
		Map<String, List<Long>> rows = new TreeMap<>();
		String histogram = java.util.stream.IntStream.range(0, Histogram.BUCKETS).mapToObj(Histogram::column)
			.collect(java.util.stream.Collectors.joining(" + "));
		jdbc.sql("""
				select service_code, day, sum(submitted), sum(cross_submitted), sum(ended), sum(completed), sum(one_time),
				  sum(duration_sum), sum(%s), sum(promised), sum(breaches), sum(rating_count), sum(rating_sum)
				from hall_stat_day where service_code like :p group by 1, 2""".formatted(histogram))
			.param("p", "cons-%-" + suffix).query(rs -> {
				List<Long> values = new ArrayList<>();
				for (int i = 3; i <= 13; i++) {
					values.add(rs.getLong(i));
				}
				if (values.stream().anyMatch(v -> v != 0)) {
					rows.put(rs.getString(1) + "@" + rs.getObject(2, LocalDate.class), values);
				}
			});
		return rows;
	}

	private Map<String, List<Long>> raw(String suffix) {
		Map<String, long[]> rows = new TreeMap<>();
		Map<String, Integer> promised = new java.util.HashMap<>();
		catalogue.all().forEach(item -> {
			if (item.promisedDays() != null) {
				promised.put(item.code(), item.promisedDays());
			}
		});
		jdbc.sql("""
				select service_code, cross_department, status, return_count, submitted_at, ended_at from hall_application
				where service_code like :p""").param("p", "cons-%-" + suffix).query(rs -> {
			String service = rs.getString(1);
			Instant submitted = rs.getTimestamp(5).toInstant();
			long[] day = row(rows, service, submitted);
			day[0]++;
			day[1] += rs.getBoolean(2) ? 1 : 0;
			if (rs.getTimestamp(6) != null) {
				Instant ended = rs.getTimestamp(6).toInstant();
				long[] end = row(rows, service, ended);
				end[2]++;
				String status = rs.getString(3);
				if (status.equals("APPROVED") || status.equals("REJECTED")) {
					end[3]++;
					end[4] += rs.getInt(4) == 0 ? 1 : 0;
					end[5] += ended.getEpochSecond() - submitted.getEpochSecond();
					end[6]++;
					if (promised.containsKey(service)) {
						end[7]++;
						end[8] += ended.isAfter(calendar.addWorkingDays(submitted, promised.get(service))) ? 1 : 0;
					}
				}
			}
		});
		jdbc.sql("select service_code, stars, created_at from hall_evaluation where service_code like :p")
			.param("p", "cons-%-" + suffix).query(rs -> {
				long[] day = row(rows, rs.getString(1), rs.getTimestamp(3).toInstant());
				day[9]++;
				day[10] += rs.getInt(2);
			});
		Map<String, List<Long>> result = new TreeMap<>();
		rows.forEach((key, values) -> result.put(key, java.util.Arrays.stream(values).boxed().toList()));
		return result;
	}

	private static long[] row(Map<String, long[]> rows, String service, Instant at) {
		return rows.computeIfAbsent(service + "@" + at.atZone(Rollups.ZONE).toLocalDate(), k -> new long[11]);
	}
}
