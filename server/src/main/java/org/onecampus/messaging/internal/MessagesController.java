package org.onecampus.messaging.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.messaging.MessageReceipt;
import org.onecampus.messaging.Messaging;
import org.onecampus.messaging.SendMessage;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The REST API through which people with the permission and campus systems (bearer token with
 * the scope {@code messaging.send}) send messages. {@code Idempotency-Key} makes a retried call
 * return the first message (200) instead of sending again (201).
 */
@RestController
@RequestMapping("/api/v1/messaging/messages")
class MessagesController {

	private final Messaging messaging;

	private final JdbcClient jdbc;

	MessagesController(Messaging messaging, JdbcClient jdbc) {
		this.messaging = messaging;
		this.jdbc = jdbc;
	}

	@PostMapping
	@PreAuthorize("hasAnyAuthority('messaging:message:send', 'SCOPE_messaging.send')")
	ResponseEntity<MessageReceipt> send(Authentication caller,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody SendRequest request) {
		MessageReceipt receipt = messaging.send(new SendMessage(caller.getName(),
				idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim(), request.category(),
				request.recipients() == null ? null : request.recipients().toRecipients(), request.template(), request.variables(), request.title(), request.body(),
				request.channels()));
		URI location = URI.create("/api/v1/messaging/messages/" + receipt.id());
		return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).location(location).body(receipt);
	}

	/** A message with its delivery counts per channel and status. */
	@GetMapping("/{id}")
	@PreAuthorize("hasAnyAuthority('messaging:delivery:read', 'messaging:message:send', 'SCOPE_messaging.send')")
	MessageView message(@PathVariable UUID id, Authentication caller) {
		boolean reader = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("messaging:delivery:read"));
		MessageView view = jdbc.sql("""
				select id, sender, category_code, template_code, title, recipient_count, created_at
				from messaging_message where id = ? and (? or sender = ?)""")
			.params(id, reader, caller.getName())
			.query((rs, n) -> new MessageView(rs.getObject("id", UUID.class), rs.getString("sender"),
					rs.getString("category_code"), rs.getString("template_code"), rs.getString("title"),
					rs.getInt("recipient_count"), rs.getTimestamp("created_at").toInstant(), List.of()))
			.optional()
			.orElseThrow(() -> PlatformException.notFound("message", id));
		List<StatusCount> counts = jdbc.sql("""
				select channel, status, count(*) as n from messaging_delivery where message_id = ?
				group by channel, status order by channel, status""")
			.param(id)
			.query((rs, n) -> new StatusCount(rs.getString("channel"), rs.getString("status"), rs.getLong("n")))
			.list();
		return new MessageView(view.id(), view.sender(), view.category(), view.template(), view.title(),
				view.recipients(), view.createdAt(), counts);
	}

	/**
	 * The body of a send: a category, recipients and a template with variables or a title and body.
	 * Fields are checked by {@link Messaging#send} so that every problem is named the same way for
	 * module and REST callers.
	 */
	record SendRequest(String category, RecipientsRequest recipients, String template,
			Map<String, String> variables, String title, String body, List<String> channels) {
	}

	/** Recipients as JSON; {@code includeSubUnits} may be left out (false). */
	record RecipientsRequest(List<String> persons, List<String> orgUnits, Boolean includeSubUnits,
			List<String> positions, List<String> roles, List<String> affiliationTypes) {

		SendMessage.Recipients toRecipients() {
			return new SendMessage.Recipients(persons, orgUnits, Boolean.TRUE.equals(includeSubUnits), positions, roles,
					affiliationTypes);
		}
	}

	record MessageView(UUID id, String sender, String category, String template, String title, int recipients,
			java.time.Instant createdAt, List<StatusCount> deliveries) {
	}

	record StatusCount(String channel, String status, long count) {
	}
}
