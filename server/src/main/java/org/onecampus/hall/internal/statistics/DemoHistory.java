package org.onecampus.hall.internal.statistics;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.kernel.OneCampusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two years of past applications and evaluations for the demo hall's online items, so the statistics dashboard shows
 * a realistic picture on the first start: a few popular items and a long tail, the academic year's waves (enrolment
 * in September, graduation in June, quiet holidays), weekdays busier than weekends, most applications handled within
 * their promise, some returned once, some rated. Runs after the other demo loaders (the items must exist), once: it
 * skips when any application older than sixty days exists. The applications are rows of the statistics only (no
 * workflow instance behind them; their applicant ids name nobody).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	static final String[] GOOD = { "办理很快，点赞", "线上提交很方便，不用跑腿", "审批及时，流程清楚", "老师回复很耐心", "材料一次就通过了" };

	static final String[] BAD = { "等了好几天才有结果", "被退回一次，说明不够清楚", "希望能缩短审批时间", "材料要求前后不一致" };

	private final OneCampusProperties properties;

	private final ServiceCatalogue catalogue;

	private final JdbcClient jdbc;

	private final Rollups rollups;

	private final boolean enabled;

	DemoHistory(OneCampusProperties properties, ServiceCatalogue catalogue, JdbcClient jdbc, Rollups rollups,
			@Value("${onecampus.hall.statistics.demo-history:true}") boolean enabled) {
		this.properties = properties;
		this.catalogue = catalogue;
		this.jdbc = jdbc;
		this.rollups = rollups;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled() || !enabled) {
			return;
		}
		boolean seeded = jdbc.sql("select exists (select 1 from hall_application where submitted_at < now() - interval '60 days')")
			.query(Boolean.class).single();
		List<ServiceItem> online = catalogue.published().stream().filter(i -> ServiceItem.ONLINE.equals(i.handling())).toList();
		if (seeded || online.isEmpty()) {
			return;
		}
		int rows = generate(online, 3000, LocalDate.now(Rollups.ZONE), new Random(20261124L));
		rollups.drain(true);
		log.info("Generated {} past applications for {} demo service items", rows, online.size());
	}

	/**
	 * Writes about {@code total} applications submitted over the two years before {@code today} for {@code items}
	 * (the first items the most popular) with their evaluations.
	 * @return the number of applications written
	 */
	int generate(List<ServiceItem> items, int total, LocalDate today, Random random) {
		double[] weights = new double[items.size()];
		double sum = 0;
		for (int i = 0; i < items.size(); i++) {
			weights[i] = 1.0 / Math.pow(i + 1, 0.9);
			sum += weights[i];
		}
		List<Object[]> applications = new ArrayList<>();
		List<Object[]> evaluations = new ArrayList<>();
		LocalDate first = today.minusYears(2);
		Instant now = Instant.now();
		for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
			double expected = total / 730.0 * season(day);
			int count = poisson(expected, random);
			for (int n = 0; n < count; n++) {
				ServiceItem item = items.get(pick(weights, sum, random));
				ZonedDateTime submitted = day.atTime(8 + random.nextInt(14), random.nextInt(60)).atZone(Rollups.ZONE);
				double promisedHours = 24.0 * (item.promisedDays() == null ? 3 : Math.max(1, item.promisedDays()));
				// log-normal around a third of the promise: most within it, a tail beyond
				double hours = Math.max(0.1, promisedHours * 0.35 * Math.exp(random.nextGaussian() * 0.8));
				Instant ended = submitted.toInstant().plusSeconds((long) (hours * 3600));
				int roll = random.nextInt(100);
				String status = roll < 84 ? "APPROVED" : roll < 91 ? "REJECTED" : roll < 97 ? "WITHDRAWN" : "TERMINATED";
				if (ended.isAfter(now)) {
					status = "RUNNING";
				}
				int returns = random.nextInt(100) < 18 ? 1 + (random.nextInt(4) == 0 ? 1 : 0) : 0;
				UUID id = UUID.randomUUID();
				applications.add(new Object[] { id, item.code(), UUID.randomUUID(), UUID.randomUUID(), item.ownerOrgUnitId(),
						item.crossDepartment(), status, returns, Timestamp.from(submitted.toInstant()),
						"RUNNING".equals(status) ? null : Timestamp.from(ended) });
				if (("APPROVED".equals(status) || "REJECTED".equals(status)) && random.nextInt(100) < 35) {
					boolean happy = "APPROVED".equals(status) && returns == 0 && hours < promisedHours;
					int stars = happy ? 4 + (random.nextInt(3) == 0 ? 0 : 1) : 1 + random.nextInt(4);
					String comment = random.nextInt(3) == 0 ? null
							: stars >= 4 ? GOOD[random.nextInt(GOOD.length)] : BAD[random.nextInt(BAD.length)];
					Instant rated = ended.plusSeconds(600 + random.nextInt(3 * 86400));
					if (rated.isBefore(now)) {
						evaluations.add(new Object[] { id, item.code(), stars, comment, Timestamp.from(rated) });
					}
				}
			}
		}
		for (Object[] a : applications) {
			jdbc.sql("""
					insert into hall_application (id, service_code, applicant_id, instance_id, owner_org_unit_id, cross_department,
					  status, return_count, submitted_at, updated_at, ended_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()), ?)""")
				.params(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[9]).update();
		}
		for (Object[] e : evaluations) {
			jdbc.sql("""
					insert into hall_evaluation (application_id, service_code, applicant_id, stars, comment, created_at)
					select id, ?, applicant_id, ?, ?, ? from hall_application where id = ?""")
				.params(e[1], e[2], e[3], e[4], e[0]).update();
		}
		return applications.size();
	}

	/** How busy a day is relative to the average: the academic year's waves and the week. */
	static double season(LocalDate day) {
		double month = switch (day.getMonthValue()) {
			case 9 -> 1.8;   // enrolment
			case 3, 10 -> 1.2;
			case 6 -> 1.5;   // graduation
			case 7 -> 0.8;
			case 1 -> 0.7;
			case 2, 8 -> 0.4; // winter and summer holidays
			default -> 1.0;
		};
		boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
		return month * (weekend ? 0.35 : 1.25);
	}

	private static int pick(double[] weights, double sum, Random random) {
		double r = random.nextDouble() * sum;
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r <= 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static int poisson(double mean, Random random) {
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int n = 0;
		while (product > limit) {
			n++;
			product *= random.nextDouble();
		}
		return n;
	}
}
