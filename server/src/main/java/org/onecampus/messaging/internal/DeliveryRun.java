package org.onecampus.messaging.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.onecampus.messaging.MessageDelivered;
import org.onecampus.messaging.MessageDeliveryFailed;
import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One delivery run of one channel. Claiming is a short transaction that locks due rows with
 * {@code skip locked}, counts the attempt and pushes {@code next_attempt_at} one lease ahead, so
 * that a node that dies while sending leaves the rows to be retried after the lease instead of
 * lost. Each outcome is then recorded on its own: at most the deliveries in flight at a crash can
 * be sent twice.
 */
@Component
class DeliveryRun {

	private static final Logger log = LoggerFactory.getLogger(DeliveryRun.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ChannelSettingsStore settings;

	private final MessagingProperties properties;

	private final InboxNotifier inbox;

	private final ApplicationEventPublisher events;

	DeliveryRun(JdbcClient jdbc, TransactionTemplate transactions, ChannelSettingsStore settings,
			MessagingProperties properties, InboxNotifier inbox, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.settings = settings;
		this.properties = properties;
		this.inbox = inbox;
		this.events = events;
	}

	/** @return true when a full batch was delivered and more may be due */
	boolean deliverDue(MessageChannel channel, RateLimiter limiter) {
		return deliverDue(channel, settings.find(channel.id()).orElse(null), limiter);
	}

	/**
	 * @param stored the channel's settings as just read (the poll reads every channel's in one query)
	 * @return true when a full batch was delivered and more may be due
	 */
	boolean deliverDue(MessageChannel channel, ChannelSettingsStore.Stored stored, RateLimiter limiter) {
		if (stored == null || !stored.enabled()) {
			return false;
		}
		ChannelSettings channelSettings = stored.settings(channel);
		int wanted = limiter.acquire(channelSettings.ratePerSecond(), properties.batchSize());
		if (wanted == 0) {
			return false;
		}
		List<OutgoingDelivery> claimed = claim(channel.id(), wanted);
		limiter.release(wanted - claimed.size());
		for (OutgoingDelivery delivery : claimed) {
			DeliveryOutcome outcome;
			try {
				outcome = channel.deliver(delivery, channelSettings);
			}
			catch (RuntimeException ex) {
				outcome = DeliveryOutcome.retry(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			record(channel, delivery, outcome);
		}
		if (!claimed.isEmpty()) {
			log.debug("Channel {} delivered a run of {}", channel.id(), claimed.size());
		}
		return claimed.size() == wanted;
	}

	private List<OutgoingDelivery> claim(String channel, int limit) {
		Timestamp lease = Timestamp.from(Instant.now().plus(properties.lease()));
		// one statement, its own transaction (no explicit one: that would cost a commit round trip per poll)
		return jdbc.sql("""
				update messaging_delivery d set attempts = d.attempts + 1, next_attempt_at = ?, updated_at = now()
				where d.id in (select id from messaging_delivery where status = 'QUEUED' and channel = ?
				  and next_attempt_at <= now() order by next_attempt_at, id limit ? for update skip locked)
				returning d.id, d.message_id, d.person_id, d.username, d.address, d.category_code, d.title, d.body,
				  d.attempts""")
			.params(lease, channel, limit)
			.query((rs, n) -> new OutgoingDelivery(rs.getLong("id"), rs.getObject("message_id", UUID.class),
					rs.getObject("person_id", UUID.class), rs.getString("username"), rs.getString("address"),
					rs.getString("category_code"), rs.getString("title"), rs.getString("body"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Records an outcome in its own transaction with {@code synchronous_commit} on, so that a sent
	 * delivery stays recorded as sent even if the database crashes right after (the embedded
	 * PostgreSQL runs with it off; a lost record would mean sending again after a crash).
	 */
	private void record(MessageChannel channel, OutgoingDelivery delivery, DeliveryOutcome outcome) {
		transactions.executeWithoutResult(status -> {
			if (outcome.kind() != DeliveryOutcome.Kind.SENT) {
				jdbc.sql("set local synchronous_commit = on").update();
			}
			recordInTransaction(channel, delivery, outcome);
		});
	}

	private void recordInTransaction(MessageChannel channel, OutgoingDelivery delivery, DeliveryOutcome outcome) {
		String reason = outcome.reason() == null ? null : truncate(outcome.reason());
		switch (outcome.kind()) {
			case SENT -> {
				// the most frequent outcome in one statement: the update switches synchronous_commit on for this
				// transaction (set_config(..., true) = set local) and, for the inbox, announces the change to every
				// node (pg_notify, sent at commit: see InboxNotifier) for the row it updated
				jdbc.sql("""
						update messaging_delivery set status = 'SENT', sent_at = now(), updated_at = now(), reason = null
						where id = ? and status = 'QUEUED'
						returning set_config('synchronous_commit', 'on', true),
						  case when ? then pg_notify(?, person_id::text) end""")
					.params(delivery.id(), "inapp".equals(channel.id()), InboxNotifier.CHANNEL)
					.query()
					.listOfRows();
				events.publishEvent(new MessageDelivered(delivery.messageId(), delivery.id(), delivery.personId(), channel.id()));
			}
			case RETRY -> {
				if (delivery.attempt() >= properties.maxAttempts()) {
					fail(channel, delivery, "gave up after " + delivery.attempt() + " attempts: " + reason);
				}
				else {
					Instant next = Instant.now().plus(properties.backoff().after(delivery.attempt()));
					jdbc.sql("update messaging_delivery set next_attempt_at = ?, reason = ?, updated_at = now() where id = ? and status = 'QUEUED'")
						.params(Timestamp.from(next), reason, delivery.id())
						.update();
				}
			}
			case FAILED -> fail(channel, delivery, reason);
		}
	}

	private void fail(MessageChannel channel, OutgoingDelivery delivery, String reason) {
		String why = truncate(reason == null ? "failed" : reason);
		jdbc.sql("update messaging_delivery set status = 'FAILED', reason = ?, updated_at = now() where id = ? and status = 'QUEUED'")
			.params(why, delivery.id())
			.update();
		log.info("Delivery {} on {} failed: {}", delivery.id(), channel.id(), why);
		events.publishEvent(new MessageDeliveryFailed(delivery.messageId(), delivery.id(), delivery.personId(),
				channel.id(), why));
	}

	private static String truncate(String reason) {
		return reason.length() > 1000 ? reason.substring(0, 1000) : reason;
	}
}
