package org.onecampus.identity.internal.sso;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Back-channel logout messages to apps: CAS single logout requests and OpenID Connect logout tokens,
 * both posted as a form. Each message is a row with its delivery status; a failed delivery is retried
 * with growing delays ({@value #MAX_ATTEMPTS} attempts), then marked FAILED. Rows are claimed with
 * {@code skip locked}, so several nodes never deliver the same message twice at once.
 */
@Component
public class LogoutDeliveries {

	static final int MAX_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(LogoutDeliveries.class);

	private final JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	LogoutDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A message to deliver: the form body is {@code parameter=payload}. */
	public record Message(UUID appId, String protocol, String endpoint, String parameter, String payload,
			String username) {
	}

	/** A delivery and how it went, for administrators. */
	public record Delivery(UUID id, UUID appId, String protocol, String endpoint, String username, String status,
			int attempts, String lastError, java.time.Instant createdAt, java.time.Instant deliveredAt) {
	}

	/** Stores the messages and starts delivering them in the background. */
	public void send(List<Message> messages) {
		for (Message message : messages) {
			jdbc.sql("""
					insert into identity_sso_logout_delivery (id, app_id, protocol, endpoint, payload, username, status)
					values (:id, :app, :protocol, :endpoint, :payload, :username, 'PENDING')""")
				.param("id", UUID.randomUUID()).param("app", message.appId()).param("protocol", message.protocol())
				.param("endpoint", message.endpoint())
				.param("payload", message.parameter() + "=" + java.net.URLEncoder.encode(message.payload(),
						java.nio.charset.StandardCharsets.UTF_8))
				.param("username", message.username()).update();
		}
		if (!messages.isEmpty()) {
			CompletableFuture.runAsync(this::deliverDue);
		}
	}

	/** @return the latest deliveries, newest first, optionally of one app */
	public List<Delivery> recent(UUID appId, int limit) {
		return jdbc.sql("""
				select id, app_id, protocol, endpoint, username, status, attempts, last_error, created_at, delivered_at
				from identity_sso_logout_delivery where (cast(:app as uuid) is null or app_id = :app)
				order by created_at desc limit :limit""")
			.param("app", appId).param("limit", limit)
			.query((rs, n) -> new Delivery(rs.getObject("id", UUID.class), rs.getObject("app_id", UUID.class),
					rs.getString("protocol"), rs.getString("endpoint"), rs.getString("username"), rs.getString("status"),
					rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("delivered_at") == null ? null : rs.getTimestamp("delivered_at").toInstant()))
			.list();
	}

	/** Delivers what is due; retries are picked up by the schedule. */
	@Scheduled(fixedDelayString = "${onecampus.sso.logout-retry-interval:PT10S}")
	public void deliverDue() {
		List<Object[]> due = jdbc.sql("""
				update identity_sso_logout_delivery set next_attempt_at = now() + interval '1 minute'
				where id in (select id from identity_sso_logout_delivery
				             where status = 'PENDING' and next_attempt_at <= now()
				             order by next_attempt_at limit 20 for update skip locked)
				returning id, endpoint, payload, attempts""")
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("endpoint"),
					rs.getString("payload"), rs.getInt("attempts") })
			.list();
		for (Object[] row : due) {
			deliver((UUID) row[0], (String) row[1], (String) row[2], (int) row[3] + 1);
		}
	}

	private void deliver(UUID id, String endpoint, String payload, int attempt) {
		String error;
		try {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint))
				.timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.discarding());
			error = response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
		}
		catch (IOException | IllegalArgumentException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		if (error == null) {
			jdbc.sql("update identity_sso_logout_delivery set status = 'DELIVERED', attempts = :a, delivered_at = now(), last_error = null where id = :id")
				.param("a", attempt).param("id", id).update();
			return;
		}
		log.info("Back-channel logout to {} failed (attempt {}): {}", endpoint, attempt, error);
		jdbc.sql("""
				update identity_sso_logout_delivery set attempts = :a, last_error = :error,
				  status = case when :a >= :max then 'FAILED' else 'PENDING' end,
				  next_attempt_at = now() + make_interval(secs => :delay)
				where id = :id""")
			.param("a", attempt).param("error", error.length() > 500 ? error.substring(0, 500) : error)
			.param("max", MAX_ATTEMPTS).param("delay", (double) (5L << Math.min(attempt, 10)))
			.param("id", id).update();
	}
}
