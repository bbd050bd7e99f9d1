package org.onecampus.workflow.internal.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo profile only: the 2026 and 2027 PRC public holidays with their 调休 working days (2027 assumed,
 * see {@code workflow/demo-calendars.json}), the demo university's term breaks, and a student-affairs
 * calendar on which the term breaks are non-working. Loaded once, into calendars without entries.
 */
@Component
@Order(25)
class DemoCalendars implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCalendars.class);

	private final OneCampusProperties properties;

	private final BusinessCalendars calendars;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	DemoCalendars(OneCampusProperties properties, BusinessCalendars calendars, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.properties = properties;
		this.calendars = calendars;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()) {
			return;
		}
		JsonNode document;
		try (InputStream in = new ClassPathResource("workflow/demo-calendars.json").getInputStream()) {
			document = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (JsonNode calendar : document.path("calendars")) {
			String code = calendar.path("code").asString();
			transaction.executeWithoutResult(status -> {
				Map<String, String> name = new LinkedHashMap<>();
				calendar.path("name").properties().forEach(e -> name.put(e.getKey(), e.getValue().asString()));
				calendars.seedCalendar(code, name, calendar.path("termBreaksOff").asBoolean());
				if (calendars.hasEntries(code)) {
					return;
				}
				for (JsonNode entry : calendar.path("entries")) {
					calendars.seed(code, Kind.valueOf(entry.path("kind").asString()),
							LocalDate.parse(entry.path("start").asString()), LocalDate.parse(entry.path("end").asString()),
							entry.path("name").asString());
				}
				log.info("Loaded the demo business calendar {}", code);
			});
		}
	}
}
