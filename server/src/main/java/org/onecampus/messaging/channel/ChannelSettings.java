package org.onecampus.messaging.channel;

import java.util.Map;

/**
 * A channel's settings as stored, secrets decrypted.
 *
 * @param values plain and secret values by field name; never null
 * @param ratePerSecond at most this many deliveries per second per node
 */
public record ChannelSettings(Map<String, String> values, int ratePerSecond) {

	public ChannelSettings {
		values = Map.copyOf(values);
	}

	/** @return the value, or null when not set */
	public String get(String name) {
		String value = values.get(name);
		return value == null || value.isBlank() ? null : value;
	}

	public String get(String name, String defaultValue) {
		String value = get(name);
		return value == null ? defaultValue : value;
	}
}
