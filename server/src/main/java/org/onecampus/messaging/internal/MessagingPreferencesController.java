package org.onecampus.messaging.internal;

import java.sql.Time;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.internal.Categories.Category;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's messaging preferences: channels per category (mandatory categories
 * cannot be changed) and quiet hours, during which only urgent messages and the in-app inbox go out.
 */
@RestController
@RequestMapping("/api/v1/messaging/preferences")
class MessagingPreferencesController {

	private final JdbcClient jdbc;

	private final Categories categories;

	private final ChannelRegistry channels;

	private final AuditLog audit;

	MessagingPreferencesController(JdbcClient jdbc, Categories categories, ChannelRegistry channels, AuditLog audit) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.channels = channels;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	Preferences get(@AuthenticationPrincipal CampusUser user) {
		Map<String, List<String>> chosen = new HashMap<>();
		jdbc.sql("select category_code, channels from messaging_preference where person_id = ?")
			.param(user.personId())
			.query(rs -> {
				chosen.put(rs.getString("category_code"), Categories.strings(rs.getArray("channels")));
			});
		List<CategoryPreference> list = categories.all().stream()
			.map(c -> new CategoryPreference(c.code(), c.name(), c.nameEn(), c.priority(), c.mandatory(),
					c.defaultChannels(), c.mandatory() ? c.defaultChannels() : chosen.getOrDefault(c.code(), c.defaultChannels())))
			.toList();
		QuietHoursView quiet = jdbc.sql("select starts_at, ends_at, time_zone from messaging_quiet_hours where person_id = ?")
			.param(user.personId())
			.query((rs, n) -> new QuietHoursView(rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(),
					rs.getString("time_zone")))
			.optional()
			.orElse(null);
		return new Preferences(list, quiet);
	}

	@PutMapping
	@PreAuthorize("isAuthenticated()")
	@Transactional
	Preferences update(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody PreferencesChange change) {
		Map<String, Category> known = new LinkedHashMap<>();
		categories.all().forEach(c -> known.put(c.code(), c));
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, List<String>> wanted = change.channels() == null ? Map.of() : change.channels();
		wanted.forEach((code, list) -> {
			Category category = known.get(code);
			if (category == null) {
				problems.add(new FieldProblem("channels." + code, "messaging.preference.category"));
			}
			else if (category.mandatory()) {
				problems.add(new FieldProblem("channels." + code, "messaging.preference.mandatory"));
			}
			else if (list == null || list.stream().anyMatch(ch -> !channels.exists(ch))) {
				problems.add(new FieldProblem("channels." + code, "messaging.preference.channel"));
			}
		});
		if (change.quietHours() != null) {
			try {
				ZoneId.of(change.quietHours().timeZone() == null ? "Asia/Shanghai" : change.quietHours().timeZone());
			}
			catch (RuntimeException ex) {
				problems.add(new FieldProblem("quietHours.timeZone", "messaging.preference.time-zone"));
			}
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		wanted.forEach((code, list) -> jdbc.sql("""
				insert into messaging_preference (person_id, category_code, channels) values (?, ?, ?::varchar[])
				on conflict (person_id, category_code) do update set channels = excluded.channels""")
			.params(user.personId(), code, "{" + String.join(",", list) + "}")
			.update());
		jdbc.sql("delete from messaging_quiet_hours where person_id = ?").param(user.personId()).update();
		if (change.quietHours() != null) {
			QuietHoursView q = change.quietHours();
			jdbc.sql("insert into messaging_quiet_hours (person_id, starts_at, ends_at, time_zone) values (?, ?, ?, ?)")
				.params(user.personId(), Time.valueOf(q.start()), Time.valueOf(q.end()),
						q.timeZone() == null ? "Asia/Shanghai" : q.timeZone())
				.update();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("channels", wanted);
		details.put("quietHours", change.quietHours() == null ? "none" : change.quietHours().start() + "-" + change.quietHours().end());
		audit.record("messaging.preferences-changed", "person:" + user.personId(), details);
		return get(user);
	}

	record CategoryPreference(String category, String name, String nameEn, String priority, boolean mandatory,
			List<String> defaultChannels, List<String> channels) {
	}

	record QuietHoursView(@NotNull LocalTime start, @NotNull LocalTime end, String timeZone) {
	}

	record Preferences(List<CategoryPreference> categories, QuietHoursView quietHours) {
	}

	/**
	 * @param channels channels per category code; categories left out keep their setting
	 * @param quietHours null for none
	 */
	record PreferencesChange(Map<String, List<String>> channels, @Valid QuietHoursView quietHours) {
	}
}
