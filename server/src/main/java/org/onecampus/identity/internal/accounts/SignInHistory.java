package org.onecampus.identity.internal.accounts;

import java.time.Instant;
import java.util.List;

import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A person's own sign-ins, failed sign-ins and sign-outs, read from the platform audit log (the
 * kernel's open audit table; read only).
 */
@Repository
class SignInHistory {

	static final List<String> ACTIONS = List.of("auth.sign-in", "auth.sign-in-failed", "auth.sign-out",
			"identity.password-changed", "identity.session-ended");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SignInHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record SignInEvent(long id, Instant at, String action, String ip, String userAgent, String reason) {
	}

	Page<SignInEvent> of(String username, PageQuery paging) {
		long total = jdbc.sql("select count(*) from kernel_audit_event where lower(actor) = lower(:u) and action in (:actions)")
			.param("u", username).param("actions", ACTIONS).query(Long.class).single();
		List<SignInEvent> items = jdbc.sql("""
				select id, occurred_at, action, ip, details from kernel_audit_event
				where lower(actor) = lower(:u) and action in (:actions) order by id desc limit :size offset :offset""")
			.param("u", username).param("actions", ACTIONS).param("size", paging.sizeOrDefault())
			.param("offset", paging.offset())
			.query((rs, n) -> {
				JsonNode details = rs.getString("details") == null ? null : json.readTree(rs.getString("details"));
				return new SignInEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
						rs.getString("ip"), text(details, "userAgent"), text(details, "reason"));
			})
			.list();
		return new Page<>(items, paging.pageOrDefault(), paging.sizeOrDefault(), total);
	}

	private static String text(JsonNode details, String field) {
		return details == null || details.get(field) == null ? null : details.get(field).asString();
	}
}
