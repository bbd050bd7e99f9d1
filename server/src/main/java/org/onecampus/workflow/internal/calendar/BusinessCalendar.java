package org.onecampus.workflow.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Working-time arithmetic on one business calendar, in Asia/Shanghai (no daylight saving time, so
 * every day has 24 hours).
 * <p>
 * A date is a working day when an entry makes it one (WORKDAY, 调休), otherwise when it is Monday to
 * Friday and no HOLIDAY entry covers it and, in a calendar that counts term breaks as non-working,
 * no TERM_BREAK entry covers it. A WORKDAY entry wins over everything else.
 * <p>
 * Durations are counted in <em>working time</em>: all 24 hours of every working day, none of the
 * non-working days. So {@code P1D} (= {@code PT24H}) from Monday 10:00 is Tuesday 10:00, from
 * Friday 10:00 is the next Monday 10:00; {@code PT4H} from Friday 22:00 is Monday 02:00. A start on a
 * non-working day counts from 00:00 of the next working day ({@code P1D} from Saturday 10:00 is
 * Tuesday 00:00, i.e. the end of Monday).
 */
public final class BusinessCalendar {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Looking further than this many days for a working day means the calendar has none. */
	private static final int SEARCH_LIMIT = 3660;

	/** One entry: a date range of one kind. */
	public record Entry(long id, Kind kind, LocalDate start, LocalDate end, String name) {

		boolean covers(LocalDate date) {
			return !date.isBefore(start) && !date.isAfter(end);
		}
	}

	public enum Kind {
		HOLIDAY, WORKDAY, TERM_BREAK
	}

	private final String code;

	private final boolean termBreaksOff;

	private final List<Entry> entries;

	public BusinessCalendar(String code, boolean termBreaksOff, List<Entry> entries) {
		this.code = code;
		this.termBreaksOff = termBreaksOff;
		this.entries = List.copyOf(entries);
	}

	public String code() {
		return code;
	}

	public boolean isWorkingDay(LocalDate date) {
		boolean holiday = false;
		for (Entry entry : entries) {
			if (entry.covers(date)) {
				switch (entry.kind()) {
					case WORKDAY -> {
						return true;
					}
					case HOLIDAY -> holiday = true;
					case TERM_BREAK -> holiday |= termBreaksOff;
				}
			}
		}
		DayOfWeek day = date.getDayOfWeek();
		return !holiday && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/** The instant {@code days} working days after {@code from} (see the class comment). */
	public Instant addWorkingDays(Instant from, int days) {
		return plus(from, Duration.ofDays(days));
	}

	/** The instant {@code amount} of working time after {@code from}. */
	public Instant plus(Instant from, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("negative working time: " + amount);
		}
		ZonedDateTime cursor = from.atZone(ZONE);
		Duration remaining = amount;
		for (int i = 0; i < SEARCH_LIMIT; i++) {
			LocalDate day = cursor.toLocalDate();
			ZonedDateTime midnight = day.plusDays(1).atStartOfDay(ZONE);
			if (isWorkingDay(day)) {
				Duration available = Duration.between(cursor, midnight);
				if (remaining.compareTo(available) < 0) {
					return cursor.plus(remaining).toInstant();
				}
				remaining = remaining.minus(available);
			}
			cursor = midnight;
			if (remaining.isZero() && isWorkingDay(cursor.toLocalDate())) {
				return cursor.toInstant();
			}
		}
		throw new IllegalStateException("calendar " + code + " has no working day within " + SEARCH_LIMIT + " days");
	}

	/**
	 * Parses a timer duration: ISO-8601 days and time ({@code P1D}, {@code PT4H}, {@code P1DT12H},
	 * {@code PT30M}); weeks, months and years are not allowed (a working week is not a fixed length).
	 * @throws IllegalArgumentException when the text is not such a positive duration
	 */
	public static Duration parseDuration(String text) {
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("not a positive duration: " + text);
			}
			return duration;
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new IllegalArgumentException("not an ISO-8601 duration of days and time: " + text, ex);
		}
	}
}
