package org.onecampus.messaging.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.onecampus.kernel.cache.RecentReads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Message categories with their priority, default channels and whether people may switch them off. */
@Repository("messagingCategories")
class Categories {

	private final JdbcClient jdbc;

	/** Every message sent reads its category. */
	private final RecentReads<String, Category> byCode = new RecentReads<>();

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all() {
		return jdbc.sql("select * from messaging_category order by code").query(Categories::map).list();
	}

	/** Read through a short cache ({@link RecentReads}). */
	Optional<Category> find(String code) {
		return Optional.ofNullable(byCode.get(code, key -> jdbc.sql("select * from messaging_category where code = ?")
			.param(key).query(Categories::map).optional().orElse(null)));
	}

	void update(Category category) {
		byCode.clear();
		jdbc.sql("update messaging_category set priority = ?, mandatory = ?, default_channels = ?::varchar[] where code = ?")
			.params(category.priority(), category.mandatory(), "{" + String.join(",", category.defaultChannels()) + "}",
					category.code())
			.update();
	}

	static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Category map(ResultSet rs, int n) throws SQLException {
		return new Category(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("priority"),
				rs.getBoolean("mandatory"), strings(rs.getArray("default_channels")));
	}

	/**
	 * @param priority LOW, NORMAL, HIGH or URGENT; urgent messages ignore quiet hours
	 * @param mandatory people cannot switch the category off
	 */
	record Category(String code, String name, String nameEn, String priority, boolean mandatory,
			List<String> defaultChannels) {

		boolean urgent() {
			return "URGENT".equals(priority);
		}
	}
}
