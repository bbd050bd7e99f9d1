package org.onecampus.messaging.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@ParameterizedTest(name = "{0}-{1} at {2} holds back until {3}")
	@CsvSource({ "22:00, 07:00, 23:30, 2026-11-25T07:00", "22:00, 07:00, 06:59, 2026-11-24T07:00",
			"22:00, 07:00, 12:00, ", "12:00, 14:00, 13:00, 2026-11-24T14:00", "12:00, 14:00, 14:00, ",
			"08:00, 08:00, 08:00, " })
	void quietHoursEndAtTheRightMoment(LocalTime start, LocalTime end, LocalTime now, String until) {
		Instant at = ZonedDateTime.of(2026, 11, 24, now.getHour(), now.getMinute(), 0, 0, SHANGHAI).toInstant();
		var result = new QuietHours(start, end, SHANGHAI).endIfInside(at);
		if (until == null) {
			assertThat(result).isEmpty();
		}
		else {
			assertThat(result).contains(java.time.LocalDateTime.parse(until).atZone(SHANGHAI).toInstant());
		}
	}
}
