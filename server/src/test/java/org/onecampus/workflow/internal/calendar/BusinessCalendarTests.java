package org.onecampus.workflow.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Entry;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTests {

	/** The 2026 National Day week: 09-25..27 中秋, 10-01..07 国庆, Sunday 09-20 and Saturday 10-10 worked. */
	private static final List<Entry> AUTUMN_2026 = List.of(
			new Entry(1, Kind.WORKDAY, LocalDate.parse("2026-09-20"), LocalDate.parse("2026-09-20"), "国庆节调休上班"),
			new Entry(2, Kind.HOLIDAY, LocalDate.parse("2026-09-25"), LocalDate.parse("2026-09-27"), "中秋节"),
			new Entry(3, Kind.HOLIDAY, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-07"), "国庆节"),
			new Entry(4, Kind.WORKDAY, LocalDate.parse("2026-10-10"), LocalDate.parse("2026-10-10"), "国庆节调休上班"),
			new Entry(5, Kind.TERM_BREAK, LocalDate.parse("2026-07-11"), LocalDate.parse("2026-08-30"), "2026年暑假"));

	private final BusinessCalendar office = new BusinessCalendar("default", false, AUTUMN_2026);

	private final BusinessCalendar students = new BusinessCalendar("student-affairs", true, AUTUMN_2026);

	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BusinessCalendar.ZONE).toInstant();
	}

	@Test
	void weekdaysWorkWeekendsDoNot() {
		assertThat(office.isWorkingDay(LocalDate.parse("2026-11-23"))).isTrue(); // Monday
		assertThat(office.isWorkingDay(LocalDate.parse("2026-11-27"))).isTrue(); // Friday
		assertThat(office.isWorkingDay(LocalDate.parse("2026-11-28"))).isFalse(); // Saturday
		assertThat(office.isWorkingDay(LocalDate.parse("2026-11-29"))).isFalse(); // Sunday
	}

	@Test
	void holidaysAreOffAndAdjustedWeekendDaysAreWorked() {
		assertThat(office.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse(); // Thursday, 国庆
		assertThat(office.isWorkingDay(LocalDate.parse("2026-09-25"))).isFalse(); // Friday, 中秋
		assertThat(office.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue(); // Saturday, 调休
		assertThat(office.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue(); // Sunday, 调休
	}

	@Test
	void termBreaksAreOffOnlyInCalendarsThatSaySo() {
		LocalDate summerMonday = LocalDate.parse("2026-07-20");
		assertThat(office.isWorkingDay(summerMonday)).isTrue();
		assertThat(students.isWorkingDay(summerMonday)).isFalse();
		assertThat(students.addWorkingDays(at("2026-07-10T09:00"), 1)).isEqualTo(at("2026-08-31T09:00"));
		assertThat(office.addWorkingDays(at("2026-07-10T09:00"), 1)).isEqualTo(at("2026-07-13T09:00"));
	}

	@Test
	void oneWorkingDayKeepsTheTimeOfDayAndSkipsWeekends() {
		assertThat(office.addWorkingDays(at("2026-11-23T10:00"), 1)).isEqualTo(at("2026-11-24T10:00"));
		assertThat(office.addWorkingDays(at("2026-11-27T10:00"), 1)).isEqualTo(at("2026-11-30T10:00"));
		assertThat(office.addWorkingDays(at("2026-11-23T10:00"), 5)).isEqualTo(at("2026-11-30T10:00"));
		assertThat(office.addWorkingDays(at("2026-11-23T10:00"), 0)).isEqualTo(at("2026-11-23T10:00"));
	}

	@Test
	void countingSkipsTheHolidayWeekAndUsesTheAdjustedSaturday() {
		// Wednesday 09-30 + 1 working day: 10-01..07 off, Thursday 10-08 is the next working day
		assertThat(office.addWorkingDays(at("2026-09-30T15:00"), 1)).isEqualTo(at("2026-10-08T15:00"));
		// Friday 10-09 + 1: Saturday 10-10 is a working day (调休)
		assertThat(office.addWorkingDays(at("2026-10-09T15:00"), 1)).isEqualTo(at("2026-10-10T15:00"));
		// Saturday 09-19 (off) + 1: counting starts Sunday 09-20 00:00 (调休, worked), ends Monday 00:00
		assertThat(office.addWorkingDays(at("2026-09-19T10:00"), 1)).isEqualTo(at("2026-09-21T00:00"));
		// Thursday 09-24 + 1: Friday 09-25 中秋 through Sunday off, Monday 09-28
		assertThat(office.addWorkingDays(at("2026-09-24T08:30"), 1)).isEqualTo(at("2026-09-28T08:30"));
	}

	@Test
	void hoursAreWorkingTimeOfWholeWorkingDays() {
		assertThat(office.plus(at("2026-11-23T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-23T14:00"));
		assertThat(office.plus(at("2026-11-27T22:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-30T02:00"));
		assertThat(office.plus(at("2026-11-28T10:00"), Duration.ofHours(4))).isEqualTo(at("2026-11-30T04:00"));
		assertThat(office.plus(at("2026-11-23T10:00"), BusinessCalendar.parseDuration("P1DT2H")))
			.isEqualTo(at("2026-11-24T12:00"));
	}

	@Test
	void aDeadlineEndingAtMidnightBeforeAWeekendLandsOnTheNextWorkingDay() {
		assertThat(office.addWorkingDays(at("2026-11-27T00:00"), 1)).isEqualTo(at("2026-11-30T00:00"));
	}

	@Test
	void shanghaiTimeHasNoDaylightSavingSoEveryDayIs24Hours() {
		// a date on which Europe and North America change their clocks changes nothing here
		assertThat(office.plus(at("2026-03-06T10:00"), Duration.ofDays(2))).isEqualTo(at("2026-03-10T10:00"));
		assertThat(Duration.between(at("2026-03-09T00:00"), at("2026-03-10T00:00"))).isEqualTo(Duration.ofHours(24));
		assertThat(Duration.between(at("2026-11-02T00:00"), at("2026-11-03T00:00"))).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void onlyPositiveDurationsOfDaysAndTimeAreAccepted() {
		assertThat(BusinessCalendar.parseDuration("P3D")).isEqualTo(Duration.ofDays(3));
		assertThat(BusinessCalendar.parseDuration("PT30M")).isEqualTo(Duration.ofMinutes(30));
		assertThatThrownBy(() -> BusinessCalendar.parseDuration("P1W")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BusinessCalendar.parseDuration("P1M")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BusinessCalendar.parseDuration("PT0S")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BusinessCalendar.parseDuration("-P1D")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BusinessCalendar.parseDuration(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aCalendarWithoutWorkingDaysIsAnError() {
		BusinessCalendar never = new BusinessCalendar("never", false,
				List.of(new Entry(1, Kind.HOLIDAY, LocalDate.parse("2026-01-01"), LocalDate.parse("2040-12-31"), "闭馆")));
		assertThatThrownBy(() -> never.addWorkingDays(at("2026-01-05T10:00"), 1)).isInstanceOf(IllegalStateException.class);
	}
}
