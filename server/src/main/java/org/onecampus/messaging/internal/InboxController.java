package org.onecampus.messaging.internal;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The signed-in person's in-app inbox: the in-app deliveries sent to them. Nobody sees another
 * person's entries; asking for one answers 404.
 */
@RestController
@RequestMapping("/api/v1/messaging/inbox")
class InboxController {

	private final JdbcClient jdbc;

	private final InboxNotifier notifier;

	private final AuditLog audit;

	InboxController(JdbcClient jdbc, InboxNotifier notifier, AuditLog audit) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	Page<InboxEntry> inbox(@AuthenticationPrincipal CampusUser user, @Valid PageQuery paging,
			@RequestParam(defaultValue = "false") boolean unread) {
		String statuses = unread ? "('SENT')" : "('SENT', 'READ')";
		String where = " from messaging_delivery d join messaging_category c on c.code = d.category_code"
				+ " where d.person_id = ? and d.channel = 'inapp' and d.status in " + statuses;
		long total = jdbc.sql("select count(*)" + where).param(user.personId()).query(Long.class).single();
		var items = jdbc.sql("""
				select d.id, d.category_code, c.name, c.name_en, c.priority, d.title, d.body, d.sent_at, d.read_at"""
				+ where + " order by d.sent_at desc, d.id desc limit ? offset ?")
			.params(user.personId(), paging.sizeOrDefault(), paging.offset())
			.query((rs, n) -> new InboxEntry(rs.getLong("id"), rs.getString("category_code"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("priority"), rs.getString("title"), rs.getString("body"),
					rs.getTimestamp("sent_at").toInstant(),
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
			.list();
		return new Page<>(items, paging.pageOrDefault(), paging.sizeOrDefault(), total);
	}

	@GetMapping("/unread-count")
	@PreAuthorize("isAuthenticated()")
	Map<String, Long> unreadCount(@AuthenticationPrincipal CampusUser user) {
		return Map.of("unread", notifier.unread(user.personId()));
	}

	/** Marks one entry read (idempotent). */
	@PostMapping("/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("isAuthenticated()")
	@Transactional
	void read(@AuthenticationPrincipal CampusUser user, @PathVariable long id) {
		String status = jdbc.sql("""
				select status from messaging_delivery where id = ? and person_id = ? and channel = 'inapp'
				and status in ('SENT', 'READ') for update""")
			.params(id, user.personId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> PlatformException.notFound("inbox entry", id));
		if ("SENT".equals(status)) {
			jdbc.sql("update messaging_delivery set status = 'READ', read_at = now(), updated_at = now() where id = ?")
				.param(id)
				.update();
			audit.record("messaging.inbox-read", "delivery:" + id, null);
			notifier.changed(user.personId());
		}
	}

	/** Marks every unread entry read. */
	@PostMapping("/read-all")
	@PreAuthorize("isAuthenticated()")
	@Transactional
	Map<String, Integer> readAll(@AuthenticationPrincipal CampusUser user) {
		int marked = jdbc.sql("""
				update messaging_delivery set status = 'READ', read_at = now(), updated_at = now()
				where person_id = ? and channel = 'inapp' and status = 'SENT'""")
			.param(user.personId())
			.update();
		if (marked > 0) {
			audit.record("messaging.inbox-read-all", "person:" + user.personId(), Map.of("entries", marked));
			notifier.changed(user.personId());
		}
		return Map.of("marked", marked);
	}

	/** Server-sent events: {@code unread} with {@code {"unread": n}} now and whenever the inbox changes. */
	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@PreAuthorize("isAuthenticated()")
	SseEmitter stream(@AuthenticationPrincipal CampusUser user) {
		return notifier.open(user.personId());
	}

	record InboxEntry(long id, String category, String categoryName, String categoryNameEn, String priority,
			String title, String body, Instant sentAt, Instant readAt) {
	}
}
