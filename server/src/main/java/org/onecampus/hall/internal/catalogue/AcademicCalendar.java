package org.onecampus.hall.internal.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A small academic calendar deciding which {@code calendar_tags} of service items are current for a person on a
 * day: term start, exams, holidays, graduation season (June; for graduating students only) and enrolment
 * (September). The moments are configurable under {@code onecampus.hall.calendar.moments}; without configuration
 * the defaults of a Chinese university year apply. A {@link Clock} bean, when present, sets today (tests fix it).
 */
@Component
public class AcademicCalendar {

	static final List<Moment> DEFAULT_MOMENTS = List.of(
			new Moment("term-start", "02-20", "03-10", List.of(), false),
			new Moment("term-start", "08-28", "09-20", List.of(), false),
			new Moment("enrolment", "08-15", "09-30", List.of(), false),
			new Moment("graduation", "05-15", "07-10", List.of("UNDERGRADUATE", "POSTGRADUATE", "PHD"), true),
			new Moment("exams", "06-10", "07-05", List.of(), false),
			new Moment("exams", "12-25", "01-20", List.of(), false),
			new Moment("holidays", "01-15", "02-25", List.of(), false),
			new Moment("holidays", "07-05", "08-31", List.of(), false));

	private final List<Moment> moments;

	private final Clock clock;

	@Autowired
	AcademicCalendar(Settings settings, ObjectProvider<Clock> clock) {
		this(settings.moments() == null || settings.moments().isEmpty() ? DEFAULT_MOMENTS : settings.moments(),
				clock.getIfUnique(() -> Clock.system(ZoneId.of("Asia/Shanghai"))));
	}

	AcademicCalendar(List<Moment> moments, Clock clock) {
		this.moments = List.copyOf(moments);
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	public Clock clock() {
		return clock;
	}

	/**
	 * @param affiliationTypes the person's affiliation types
	 * @param expectedGraduation when the person is expected to graduate; null for a person who is not a student
	 * @return the tags current for the person on the day
	 */
	public Set<String> currentTags(LocalDate day, Set<String> affiliationTypes, LocalDate expectedGraduation) {
		Set<String> tags = new LinkedHashSet<>();
		for (Moment moment : moments) {
			if (!moment.covers(day)) {
				continue;
			}
			if (!moment.affiliationTypes().isEmpty() && moment.affiliationTypes().stream().noneMatch(affiliationTypes::contains)) {
				continue;
			}
			if (moment.graduatingOnly() && !graduating(day, expectedGraduation)) {
				continue;
			}
			tags.add(moment.tag());
		}
		return tags;
	}

	/** Graduating: expected to graduate within the next six months, or graduated at most two months ago. */
	static boolean graduating(LocalDate day, LocalDate expectedGraduation) {
		return expectedGraduation != null && !expectedGraduation.isAfter(day.plusMonths(6))
				&& !expectedGraduation.isBefore(day.minusMonths(2));
	}

	/**
	 * A recurring stretch of the year.
	 * @param from first day, {@code MM-dd}
	 * @param to last day, {@code MM-dd}; before {@code from} when the stretch spans the new year
	 * @param affiliationTypes who it concerns; empty: everyone
	 * @param graduatingOnly whether it concerns graduating students only
	 */
	public record Moment(String tag, String from, String to, List<String> affiliationTypes, boolean graduatingOnly) {

		public Moment {
			affiliationTypes = affiliationTypes == null ? List.of() : List.copyOf(affiliationTypes);
			MonthDay.parse("--" + from);
			MonthDay.parse("--" + to);
		}

		boolean covers(LocalDate day) {
			MonthDay start = MonthDay.parse("--" + from);
			MonthDay end = MonthDay.parse("--" + to);
			MonthDay today = MonthDay.from(day);
			return start.isAfter(end) ? !today.isBefore(start) || !today.isAfter(end)
					: !today.isBefore(start) && !today.isAfter(end);
		}
	}

	/** {@code onecampus.hall.calendar}: the moments of the year; empty for the defaults. */
	@ConfigurationProperties("onecampus.hall.calendar")
	public record Settings(List<Moment> moments) {
	}
}
