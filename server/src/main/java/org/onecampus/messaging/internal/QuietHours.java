package org.onecampus.messaging.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A person's quiet hours, such as 22:00 to 07:00 in their time zone; may span midnight. Equal
 * start and end mean no quiet hours.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

	/** @return when the quiet hours that contain {@code now} end, or empty when {@code now} is outside them */
	Optional<Instant> endIfInside(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		LocalTime t = local.toLocalTime();
		if (start.equals(end)) {
			return Optional.empty();
		}
		if (start.isBefore(end)) {
			return !t.isBefore(start) && t.isBefore(end)
					? Optional.of(local.with(end).toInstant()) : Optional.empty();
		}
		if (!t.isBefore(start)) {
			return Optional.of(local.plusDays(1).with(end).toInstant());
		}
		if (t.isBefore(end)) {
			return Optional.of(local.with(end).toInstant());
		}
		return Optional.empty();
	}
}
