package org.onecampus.messaging.internal;

import java.util.List;
import java.util.Optional;

import org.onecampus.kernel.cache.RecentReads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Message templates by code, channel and language. A template row for channel {@code default}
 * serves every channel without its own; a missing language falls back to zh-CN, then en-US.
 */
@Repository("messagingTemplates")
class Templates {

	static final String DEFAULT_CHANNEL = "default";

	private final JdbcClient jdbc;

	/** Every message sent reads the templates of its code. */
	private final RecentReads<String, List<Template>> byCode = new RecentReads<>();

	Templates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Template> all() {
		return jdbc.sql("select * from messaging_template order by code, channel, locale").query(Template.class).list();
	}

	/** Read through a short cache ({@link RecentReads}). */
	List<Template> byCode(String code) {
		return byCode.get(code,
				key -> List.copyOf(jdbc.sql("select * from messaging_template where code = ?").param(key).query(Template.class).list()));
	}

	/** @return the best template for a channel and language among {@code candidates} (one code) */
	static Optional<Template> choose(List<Template> candidates, String channel, String locale) {
		for (String ch : List.of(channel, DEFAULT_CHANNEL)) {
			for (String lang : List.of(locale, "zh-CN", "en-US")) {
				Optional<Template> hit = candidates.stream()
					.filter(t -> t.channel().equals(ch) && t.locale().equals(lang))
					.findFirst();
				if (hit.isPresent()) {
					return hit;
				}
			}
		}
		return Optional.empty();
	}

	void save(Template template) {
		byCode.clear();
		jdbc.sql("""
				insert into messaging_template (code, channel, locale, category_code, title, body) values (?, ?, ?, ?, ?, ?)
				on conflict (code, channel, locale) do update set category_code = excluded.category_code,
				  title = excluded.title, body = excluded.body, updated_at = now()""")
			.params(template.code(), template.channel(), template.locale(), template.categoryCode(), template.title(),
					template.body())
			.update();
	}

	boolean delete(String code, String channel, String locale) {
		byCode.clear();
		return jdbc.sql("delete from messaging_template where code = ? and channel = ? and locale = ?")
			.params(code, channel, locale)
			.update() > 0;
	}

	record Template(String code, String channel, String locale, String categoryCode, String title, String body) {
	}
}
