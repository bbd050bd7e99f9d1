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

	/** A JSON announcement to some usernames with a title and body, on the given channels. */
	public static String announcement(String title, String body, String channelsJson, String... usernames) {
		return """
				{"category":"announcement","recipients":{"persons":[%s]},"title":"%s","body":"%s","channels":%s}"""
			.formatted(String.join(",", java.util.Arrays.stream(usernames).map(u -> '"' + u + '"').toList()), title, body,
					channelsJson);
	}
}
