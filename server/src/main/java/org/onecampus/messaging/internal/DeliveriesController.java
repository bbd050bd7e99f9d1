package org.onecampus.messaging.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log for administrators: one row per recipient and channel with its status
 * (queued, sent, failed with the reason, read), newest first, searchable.
 */
@RestController
@RequestMapping("/api/v1/messaging/deliveries")
class DeliveriesController {

	private final JdbcClient jdbc;

	DeliveriesController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param recipient username (exact, case-insensitive)
	 * @param status QUEUED, SENT, FAILED or READ
	 * @param from created at or after
	 * @param to created before
	 */
	@GetMapping
	@PreAuthorize("hasAuthority('messaging:delivery:read')")
	Page<DeliveryView> search(@Valid PageQuery paging, @RequestParam(required = false) String recipient,
			@RequestParam(required = false) String category, @RequestParam(required = false) String channel,
			@RequestParam(required = false) DeliveryStatus status, @RequestParam(required = false) UUID message,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		StringBuilder where = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (recipient != null && !recipient.isBlank()) {
			where.append(" and username = ?");
			params.add(recipient.trim().toLowerCase());
		}
		if (category != null && !category.isBlank()) {
			where.append(" and category_code = ?");
			params.add(category.trim());
		}
		if (channel != null && !channel.isBlank()) {
			where.append(" and channel = ?");
			params.add(channel.trim());
		}
		if (status != null) {
			where.append(" and status = ?");
			params.add(status.name());
		}
		if (message != null) {
			where.append(" and message_id = ?");
			params.add(message);
		}
		if (from != null) {
			where.append(" and created_at >= ?");
			params.add(Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and created_at < ?");
			params.add(Timestamp.from(to));
		}
		long total = jdbc.sql("select count(*) from messaging_delivery" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(paging.sizeOrDefault());
		pageParams.add(paging.offset());
		List<DeliveryView> items = jdbc.sql("""
				select id, message_id, username, channel, category_code, status, title, address, attempts, reason,
				  created_at, sent_at, read_at, next_attempt_at from messaging_delivery""" + where
				+ " order by created_at desc, id desc limit ? offset ?")
			.params(pageParams)
			.query((rs, n) -> new DeliveryView(rs.getLong("id"), rs.getObject("message_id", UUID.class),
					rs.getString("username"), rs.getString("channel"), rs.getString("category_code"),
					rs.getString("status"), rs.getString("title"), rs.getString("address"), rs.getInt("attempts"),
					rs.getString("reason"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")),
					instant(rs.getTimestamp("read_at")),
					"QUEUED".equals(rs.getString("status")) ? instant(rs.getTimestamp("next_attempt_at")) : null))
			.list();
		return new Page<>(items, paging.pageOrDefault(), paging.sizeOrDefault(), total);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	enum DeliveryStatus {
		QUEUED, SENT, FAILED, READ
	}

	record DeliveryView(long id, UUID messageId, String recipient, String channel, String category, String status,
			String title, String address, int attempts, String reason, Instant createdAt, Instant sentAt, Instant readAt,
			Instant nextAttemptAt) {
	}
}
