package org.onecampus.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers shared by the messaging tests: waiting for the asynchronous delivery workers. */
public final class MessagingFixtures {

	private MessagingFixtures() {
	}

	/** Waits up to {@code timeout} for {@code condition}; fails with {@code what} when it never holds. */
	public static void eventually(Duration timeout, String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("Timed out waiting until " + what);
	}

	/**
	 * Waits until every sign-in of {@code username} so far has been handled by messaging and its
	 * in-app notices (a new-device notice) are delivered, so that inbox counts taken afterwards stay put.
	 */
	public static void signInsSettled(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username) {
		eventually(Duration.ofSeconds(15), "the sign-ins of " + username + " are handled", () -> jdbc.sql("""
				select count(*) from event_publication
				where event_type = 'org.onecampus.identity.PersonSignedIn' and completion_date is null
				  and serialized_event like ?""").param("%\"username\":\"" + username + "\"%").query(Long.class).single() == 0
				&& jdbc.sql("""
						select count(*) from messaging_delivery d join identity_account a on a.person_id = d.person_id
						where a.username = ? and d.channel = 'inapp' and d.status = 'QUEUED'""").param(username)
					.query(Long.class).single() == 0);
	}

	/** A JSON announcement to some usernames with a title and body, on the given channels. */
	public static String announcement(String title, String body, String channelsJson, String... usernames) {
		return """
				{"category":"announcement","recipients":{"persons":[%s]},"title":"%s","body":"%s","channels":%s}"""
			.formatted(String.join(",", java.util.Arrays.stream(usernames).map(u -> '"' + u + '"').toList()), title, body,
					channelsJson);
	}
}
