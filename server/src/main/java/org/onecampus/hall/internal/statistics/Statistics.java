package org.onecampus.hall.internal.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import org.onecampus.identity.AdminScopes.Administered;
import org.onecampus.identity.OrgUnitNames;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.ProcessStatistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the statistics dashboard, read from the daily rollups ({@code hall_stat_day}) and the catalogue only;
 * node times come from the workflow's task projection for one item's process. Everything is limited to the items
 * whose applications belong to departments in the caller's scope.
 */
@Component
public class Statistics {

	/** 一网通办 goals: share of cross-department processes and one-time completion rate. */
	public static final double CROSS_DEPARTMENT_GOAL = 0.30;

	public static final double ONE_TIME_GOAL = 0.70;

	/** 一网通办: more than 100 service processes online. */
	public static final int ONLINE_SERVICES_GOAL = 100;

	static final int TOP = 20;

	private static final String SUMS = sums();

	private final JdbcClient jdbc;

	private final ServiceCatalogue catalogue;

	private final OrgUnitNames units;

	private final ProcessStatistics processes;

	Statistics(JdbcClient jdbc, ServiceCatalogue catalogue, OrgUnitNames units, ProcessStatistics processes) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.units = units;
		this.processes = processes;
	}

	/**
	 * What to count: days {@code from … to} (inclusive), optionally one owning department and one item.
	 * @param granularity DAY, WEEK or MONTH for the volume series
	 */
	public record Filter(LocalDate from, LocalDate to, UUID department, String service, String granularity,
			Administered scope, Locale locale) {
	}

	/** Totals of a group of rollup rows. */
	public record Figures(long submitted, long crossSubmitted, long ended, long completed, long oneTime,
			Double oneTimeRate, Double averageSeconds, Double p90Seconds, long promised, long breaches, Double breachRate,
			long ratingCount, Double ratingAverage, List<Long> stars) {
	}

	public record Unit(UUID id, String name) {
	}

	public record Period(LocalDate start, long submitted, long completed, long breaches) {
	}

	public record Comment(String serviceCode, String serviceName, int stars, String comment, Instant at) {
	}

	public record Overview(LocalDate from, LocalDate to, String granularity, Figures totals, List<Period> series,
			List<Comment> recentComments) {
	}

	public record ServiceFigures(String code, String name, Unit ownerOrgUnit, Integer promisedDays, String status,
			Figures figures) {
	}

	public record DepartmentFigures(Unit orgUnit, long services, Figures figures) {
	}

	public record ColdService(String code, String name, Unit ownerOrgUnit, long submitted, Instant publishedAt) {
	}

	public record NodeFigures(int version, String nodeId, String nodeName, long count, double averageSeconds,
			double p90Seconds) {
	}

	public record Nodes(String serviceCode, String serviceName, String processKey, List<NodeFigures> items) {
	}

	public record Kpis(long onlineServices, int onlineServicesGoal, long crossDepartmentServices, Double crossDepartmentShare,
			double crossDepartmentGoal, long completed, long oneTime, Double oneTimeRate, double oneTimeGoal,
			Double crossDepartmentApplicationShare) {
	}

	/**
	 * Checks the filter against the caller's scope.
	 * @throws PlatformException 404 for a department outside the scope or an item the caller does not administer
	 */
	void check(Filter filter) {
		if (filter.department() != null && !filter.scope().covers(filter.department())) {
			throw PlatformException.notFound("org-unit", filter.department());
		}
		if (filter.service() != null) {
			ServiceItem item = catalogue.find(filter.service())
				.orElseThrow(() -> PlatformException.notFound("service", filter.service()));
			if (!filter.scope().covers(item.ownerOrgUnitId())) {
				throw PlatformException.notFound("service", filter.service());
			}
		}
	}

	public Overview overview(Filter filter) {
		check(filter);
		Figures totals = jdbc.sql("select " + SUMS + " from hall_stat_day d where " + where(filter))
			.params(params(filter)).query(this::figures).single();
		String unit = switch (filter.granularity()) {
			case "DAY" -> "day";
			case "WEEK" -> "week";
			default -> "month";
		};
		List<Period> series = jdbc.sql("""
				select date_trunc('%s', d.day)::date as start, sum(d.submitted) as submitted, sum(d.completed) as completed,
				  sum(d.breaches) as breaches
				from hall_stat_day d where %s group by 1 order by 1""".formatted(unit, where(filter)))
			.params(params(filter))
			.query((rs, n) -> new Period(rs.getObject("start", LocalDate.class), rs.getLong("submitted"),
					rs.getLong("completed"), rs.getLong("breaches")))
			.list();
		return new Overview(filter.from(), filter.to(), filter.granularity(), totals, fill(series, filter, unit),
				recentComments(filter));
	}

	public List<ServiceFigures> services(Filter filter) {
		check(filter);
		Map<String, ServiceItem> items = catalogue.all().stream()
			.collect(Collectors.toMap(ServiceItem::code, Function.identity()));
		Map<String, Figures> figures = new LinkedHashMap<>();
		jdbc.sql("select d.service_code, " + SUMS + " from hall_stat_day d where " + where(filter)
				+ " group by d.service_code order by sum(d.submitted) desc, d.service_code")
			.params(params(filter)).query(rs -> {
				figures.put(rs.getString("service_code"), figures(rs, 0));
			});
		Map<UUID, Unit> names = unitNames(figures.keySet().stream().map(items::get).filter(java.util.Objects::nonNull)
			.map(ServiceItem::ownerOrgUnitId).collect(Collectors.toSet()), filter.locale());
		return figures.entrySet().stream().map(e -> {
			ServiceItem item = items.get(e.getKey());
			return item == null ? new ServiceFigures(e.getKey(), e.getKey(), null, null, null, e.getValue())
					: new ServiceFigures(item.code(), name(item, filter.locale()), names.get(item.ownerOrgUnitId()),
							item.promisedDays(), item.status(), e.getValue());
		}).toList();
	}

	public List<ServiceFigures> top(Filter filter) {
		return services(filter).stream().filter(s -> s.figures().submitted() > 0).limit(TOP).toList();
	}

	public List<DepartmentFigures> departments(Filter filter) {
		check(filter);
		Map<UUID, Figures> figures = new LinkedHashMap<>();
		Map<UUID, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select d.owner_org_unit_id, count(distinct d.service_code) as services, " + SUMS
				+ " from hall_stat_day d where " + where(filter)
				+ " group by d.owner_org_unit_id order by sum(d.submitted) desc, d.owner_org_unit_id")
			.params(params(filter)).query(rs -> {
				UUID unit = rs.getObject("owner_org_unit_id", UUID.class);
				figures.put(unit, figures(rs, 0));
				counts.put(unit, rs.getLong("services"));
			});
		Map<UUID, Unit> names = unitNames(figures.keySet(), filter.locale());
		return figures.entrySet().stream()
			.map(e -> new DepartmentFigures(names.getOrDefault(e.getKey(), new Unit(e.getKey(), e.getKey().toString())),
					counts.get(e.getKey()), e.getValue()))
			.toList();
	}

	/**
	 * Published online items in scope with at most {@code threshold} applications in the range, fewest first.
	 */
	public List<ColdService> cold(Filter filter, int threshold) {
		check(filter);
		Map<String, Long> submitted = new LinkedHashMap<>();
		jdbc.sql("select d.service_code, sum(d.submitted) as n from hall_stat_day d where " + where(filter)
				+ " group by d.service_code").params(params(filter))
			.query(rs -> {
				submitted.put(rs.getString(1), rs.getLong(2));
			});
		List<ServiceItem> candidates = online(filter);
		Map<UUID, Unit> names = unitNames(candidates.stream().map(ServiceItem::ownerOrgUnitId).collect(Collectors.toSet()),
				filter.locale());
		return candidates.stream().filter(item -> submitted.getOrDefault(item.code(), 0L) <= threshold)
			.map(item -> new ColdService(item.code(), name(item, filter.locale()), names.get(item.ownerOrgUnitId()),
					submitted.getOrDefault(item.code(), 0L), item.publishedAt()))
			.sorted(Comparator.comparingLong(ColdService::submitted).thenComparing(ColdService::code))
			.toList();
	}

	/** Node times of one item's process (the filter's item, else the busiest item in scope); null without any. */
	public Nodes nodes(Filter filter) {
		return nodes(filter, null);
	}

	/** @param ranked the items of {@link #services} for the same filter when the caller has them, else null */
	Nodes nodes(Filter filter, List<ServiceFigures> ranked) {
		check(filter);
		String code = filter.service();
		if (code == null) {
			List<ServiceFigures> top = ranked != null ? ranked : top(filter);
			code = top.stream().map(ServiceFigures::code).filter(c -> catalogue.find(c).map(ServiceItem::processKey)
				.isPresent()).findFirst().orElse(null);
		}
		if (code == null) {
			return null;
		}
		ServiceItem item = catalogue.find(code).orElseThrow();
		if (item.processKey() == null) {
			return new Nodes(item.code(), name(item, filter.locale()), null, List.of());
		}
		Instant from = filter.from().atStartOfDay(Rollups.ZONE).toInstant();
		Instant to = filter.to().plusDays(1).atStartOfDay(Rollups.ZONE).toInstant();
		String language = filter.locale().getLanguage().equals("en") ? "en-US" : "zh-CN";
		List<NodeFigures> nodes = processes.nodeDurations(item.processKey(), from, to).stream()
			.map(n -> new NodeFigures(n.version(), n.nodeId(),
					n.nodeName().getOrDefault(language, n.nodeName().getOrDefault("zh-CN", n.nodeId())), n.count(),
					n.averageSeconds(), n.p90Seconds()))
			.toList();
		return new Nodes(item.code(), name(item, filter.locale()), item.processKey(), nodes);
	}

	public Kpis kpis(Filter filter) {
		check(filter);
		List<ServiceItem> online = online(filter);
		long crossing = online.stream().filter(ServiceItem::crossDepartment).count();
		Figures totals = jdbc.sql("select " + SUMS + " from hall_stat_day d where " + where(filter))
			.params(params(filter)).query(this::figures).single();
		return new Kpis(online.size(), ONLINE_SERVICES_GOAL, crossing, ratio(crossing, online.size()), CROSS_DEPARTMENT_GOAL,
				totals.completed(), totals.oneTime(), totals.oneTimeRate(), ONE_TIME_GOAL,
				ratio(totals.crossSubmitted(), totals.submitted()));
	}

	/** Published ONLINE items owned in scope (and in the filter's department / the filter's item). */
	private List<ServiceItem> online(Filter filter) {
		return catalogue.published().stream().filter(item -> ServiceItem.ONLINE.equals(item.handling()))
			.filter(item -> filter.scope().covers(item.ownerOrgUnitId()))
			.filter(item -> filter.department() == null || filter.department().equals(item.ownerOrgUnitId()))
			.filter(item -> filter.service() == null || filter.service().equals(item.code()))
			.toList();
	}

	private List<Comment> recentComments(Filter filter) {
		StringBuilder where = new StringBuilder("e.comment is not null and e.comment <> ''")
			.append(" and e.created_at >= :fromInstant and e.created_at < :toInstant");
		Map<String, Object> params = new LinkedHashMap<>(params(filter));
		params.put("fromInstant", Timestamp.from(filter.from().atStartOfDay(Rollups.ZONE).toInstant()));
		params.put("toInstant", Timestamp.from(filter.to().plusDays(1).atStartOfDay(Rollups.ZONE).toInstant()));
		if (filter.service() != null) {
			where.append(" and e.service_code = :service");
		}
		if (filter.department() != null) {
			where.append(" and a.owner_org_unit_id = :department");
		}
		if (!filter.scope().whole()) {
			where.append(filter.scope().units().isEmpty() ? " and false" : " and a.owner_org_unit_id in (:units)");
		}
		Map<String, ServiceItem> items = catalogue.all().stream()
			.collect(Collectors.toMap(ServiceItem::code, Function.identity()));
		return jdbc.sql("""
				select e.service_code, e.stars, e.comment, e.created_at from hall_evaluation e
				join hall_application a on a.id = e.application_id
				where %s order by e.created_at desc limit 10""".formatted(where)).params(params)
			.query((rs, n) -> {
				ServiceItem item = items.get(rs.getString(1));
				return new Comment(rs.getString(1), item == null ? rs.getString(1) : name(item, filter.locale()),
						rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant());
			})
			.list();
	}

	/** Every period of the range, with zeros where nothing happened, so charts keep their time axis. */
	private static List<Period> fill(List<Period> series, Filter filter, String unit) {
		Map<LocalDate, Period> byStart = series.stream().collect(Collectors.toMap(Period::start, Function.identity()));
		List<Period> filled = new ArrayList<>();
		LocalDate start = switch (unit) {
			case "day" -> filter.from();
			case "week" -> filter.from().minusDays(filter.from().getDayOfWeek().getValue() - 1);
			default -> filter.from().withDayOfMonth(1);
		};
		for (LocalDate at = start; !at.isAfter(filter.to()); at = switch (unit) {
			case "day" -> at.plusDays(1);
			case "week" -> at.plusWeeks(1);
			default -> at.plusMonths(1);
		}) {
			filled.add(byStart.getOrDefault(at, new Period(at, 0, 0, 0)));
		}
		return filled;
	}

	private String where(Filter filter) {
		StringBuilder where = new StringBuilder("d.day between :from and :to");
		if (filter.department() != null) {
			where.append(" and d.owner_org_unit_id = :department");
		}
		if (filter.service() != null) {
			where.append(" and d.service_code = :service");
		}
		if (!filter.scope().whole()) {
			where.append(filter.scope().units().isEmpty() ? " and false" : " and d.owner_org_unit_id in (:units)");
		}
		return where.toString();
	}

	private static Map<String, Object> params(Filter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("from", filter.from());
		params.put("to", filter.to());
		if (filter.department() != null) {
			params.put("department", filter.department());
		}
		if (filter.service() != null) {
			params.put("service", filter.service());
		}
		if (!filter.scope().whole() && !filter.scope().units().isEmpty()) {
			params.put("units", filter.scope().units());
		}
		return params;
	}

	private Figures figures(ResultSet rs, int n) throws SQLException {
		long submitted = rs.getLong("submitted");
		long completed = rs.getLong("completed");
		long oneTime = rs.getLong("one_time");
		long[] histogram = new long[Histogram.BUCKETS];
		for (int b = 0; b < histogram.length; b++) {
			histogram[b] = rs.getLong(Histogram.column(b));
		}
		long promised = rs.getLong("promised");
		long breaches = rs.getLong("breaches");
		long ratings = rs.getLong("rating_count");
		List<Long> stars = new ArrayList<>();
		for (int s = 1; s <= 5; s++) {
			stars.add(rs.getLong("s" + s));
		}
		return new Figures(submitted, rs.getLong("cross_submitted"), rs.getLong("ended"), completed, oneTime,
				ratio(oneTime, completed), completed == 0 ? null : rs.getLong("duration_sum") / (double) completed,
				Histogram.quantile(histogram, 0.9), promised, breaches, ratio(breaches, promised), ratings,
				ratings == 0 ? null : rs.getLong("rating_sum") / (double) ratings, stars);
	}

	private static Double ratio(long part, long whole) {
		return whole == 0 ? null : part / (double) whole;
	}

	private Map<UUID, Unit> unitNames(Set<UUID> ids, Locale locale) {
		Map<UUID, Unit> names = new LinkedHashMap<>();
		units.of(new HashSet<>(ids)).forEach((id, name) -> names.put(id,
				new Unit(id, "en".equals(locale.getLanguage()) && name.nameEn() != null ? name.nameEn() : name.name())));
		return names;
	}

	static String name(ServiceItem item, Locale locale) {
		String wanted = "en".equals(locale.getLanguage()) ? "en-US" : "zh-CN";
		return item.name().getOrDefault(wanted, item.name().getOrDefault("zh-CN", item.code()));
	}

	/** {@code sum(d.submitted) as submitted, …} over every counted column. */
	private static String sums() {
		List<String> columns = new ArrayList<>(List.of("submitted", "cross_submitted", "ended", "completed", "one_time",
				"duration_sum", "promised", "breaches", "rating_count", "rating_sum", "s1", "s2", "s3", "s4", "s5"));
		IntStream.range(0, Histogram.BUCKETS).mapToObj(Histogram::column).forEach(columns::add);
		return columns.stream().map(c -> "coalesce(sum(d." + c + "), 0) as " + c).collect(Collectors.joining(", "));
	}

	static long days(Filter filter) {
		return ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
	}
}
