package org.onecampus.messaging.channel;

/**
 * One setting of a channel.
 *
 * @param name key, such as {@code host}
 * @param required whether the channel cannot be enabled without it
 * @param secret whether it is encrypted at rest and never returned by the API
 * @param defaultValue shown when not set; may be null
 */
public record SettingField(String name, boolean required, boolean secret, String defaultValue) {

	public static SettingField required(String name) {
		return new SettingField(name, true, false, null);
	}

	public static SettingField optional(String name, String defaultValue) {
		return new SettingField(name, false, false, defaultValue);
	}

	public static SettingField secret(String name) {
		return new SettingField(name, true, true, null);
	}
}
