package org.onecampus.hall.internal.booking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onecampus.workflow.ModuleCodeSets;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the code set {@value #KEY} (the room field of 教室借用) in step with the rooms: one value per room, labelled
 * like "第一教学楼A101（主校区，70座）", offered only while the room is bookable and not out of service now. The rooms
 * administration calls {@link #sync()} in the transaction that changes a room, so the set and the rooms commit
 * together; at start-up (after the demo rooms, before the templates are installed) and every few minutes it is
 * reconciled again, which also follows out-of-service periods as they begin and end.
 */
@Component
@Order(36)
class RoomCodeSet implements ApplicationRunner {

	static final String KEY = "hall-rooms";

	static final String OWNER = "hall";

	private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	private static final Locale EN = Locale.US;

	private final JdbcClient jdbc;

	private final ModuleCodeSets codeSets;

	private final MessageSource messages;

	RoomCodeSet(JdbcClient jdbc, ModuleCodeSets codeSets, MessageSource messages) {
		this.jdbc = jdbc;
		this.codeSets = codeSets;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments args) {
		sync();
	}

	/** Every five minutes: a room whose out-of-service period began or ended is offered accordingly. */
	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
	void reconcile() {
		sync();
	}

	/** @return whether the code set changed */
	@Transactional
	boolean sync() {
		Instant now = Instant.now();
		List<ModuleCodeSets.Value> values = jdbc.sql("""
				select code, campus, name->>'zh-CN' as zh, name->>'en-US' as en, capacity, sort_order,
				  active and not coalesce(out_of_service_from <= :now
				    and (out_of_service_to is null or out_of_service_to > :now), false) as offered
				from hall_room order by sort_order, code""")
			.param("now", java.sql.Timestamp.from(now))
			.query((rs, n) -> new ModuleCodeSets.Value(rs.getString("code"),
					label(rs.getString("zh"), rs.getString("en"), rs.getString("campus"), rs.getInt("capacity")),
					rs.getInt("sort_order"), rs.getBoolean("offered")))
			.list();
		Map<String, String> name = new LinkedHashMap<>();
		name.put("zh-CN", messages.getMessage("hall.room.code-set", null, "教室", ZH));
		name.put("en-US", messages.getMessage("hall.room.code-set", null, "Rooms", EN));
		return codeSets.replace(KEY, OWNER, name, values);
	}

	private Map<String, String> label(String zh, String en, String campus, int capacity) {
		Map<String, String> label = new LinkedHashMap<>();
		label.put("zh-CN", messages.getMessage("hall.room.option", new Object[] { zh, campus(campus, ZH), capacity },
				zh, ZH));
		label.put("en-US", messages.getMessage("hall.room.option", new Object[] { en, campus(campus, EN), capacity },
				en, EN));
		return label;
	}

	private String campus(String campus, Locale locale) {
		return messages.getMessage("hall.campus." + campus, null, campus, locale);
	}
}
