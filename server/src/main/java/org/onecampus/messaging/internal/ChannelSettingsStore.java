package org.onecampus.messaging.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;
import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.SettingField;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Channel settings in {@code messaging_channel_setting}: plain values as JSON, secret values as one
 * JSON object encrypted with the data key (purpose {@code messaging.channel}).
 */
@Repository("messagingChannelSettings")
class ChannelSettingsStore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChannelSettingsStore.class);

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final JsonMapper json;

	ChannelSettingsStore(JdbcClient jdbc, DataKeys keys, JsonMapper json) {
		this.jdbc = jdbc;
		this.cipher = new FieldCipher(keys, "messaging.channel");
		this.json = json;
	}

	/** @return the stored settings, or empty when the channel was never configured */
	Optional<Stored> find(String channel) {
		return jdbc.sql("select enabled, settings::text as settings, secrets, rate_per_second from messaging_channel_setting where channel = ?")
			.param(channel)
			.query((rs, n) -> stored(rs))
			.optional();
	}

	/**
	 * The settings of every enabled channel, in one query (the delivery workers' poll). A channel whose
	 * stored values cannot be read (e.g. secrets sealed with another data key) is left out and logged, as
	 * its run would have failed alone.
	 */
	Map<String, Stored> allEnabled() {
		Map<String, Stored> all = new HashMap<>();
		jdbc.sql("select channel, enabled, settings::text as settings, secrets, rate_per_second from messaging_channel_setting where enabled")
			.query(rs -> {
				try {
					all.put(rs.getString("channel"), stored(rs));
				}
				catch (RuntimeException ex) {
					log.warn("Settings of channel {} cannot be read: {}", rs.getString("channel"), ex.toString());
				}
			});
		return all;
	}

	private Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		Map<String, String> plain = json.readValue(rs.getString("settings"), MAP);
		String secrets = rs.getString("secrets");
		Map<String, String> secret = secrets == null ? Map.of() : json.readValue(cipher.decrypt(secrets), MAP);
		return new Stored(rs.getBoolean("enabled"), plain, secret, rs.getInt("rate_per_second"));
	}

	/** The ids of the channels configured and enabled (one query, for every message sent). */
	java.util.Set<String> enabled() {
		return java.util.Set.copyOf(jdbc.sql("select channel from messaging_channel_setting where enabled").query(String.class).list());
	}

	void save(String channel, boolean enabled, Map<String, String> plain, Map<String, String> secrets, int ratePerSecond) {
		String sealed = secrets.isEmpty() ? null : cipher.encrypt(json.writeValueAsString(secrets));
		jdbc.sql("""
				insert into messaging_channel_setting (channel, enabled, settings, secrets, rate_per_second)
				values (?, ?, ?::jsonb, ?, ?)
				on conflict (channel) do update set enabled = excluded.enabled, settings = excluded.settings,
				  secrets = excluded.secrets, rate_per_second = excluded.rate_per_second, updated_at = now()""")
			.params(channel, enabled, json.writeValueAsString(plain), sealed, ratePerSecond)
			.update();
	}

	/**
	 * @param enabled whether the workers deliver on this channel
	 * @param plain non-secret values
	 * @param secrets decrypted secret values
	 */
	record Stored(boolean enabled, Map<String, String> plain, Map<String, String> secrets, int ratePerSecond) {

		ChannelSettings settings(MessageChannel channel) {
			Map<String, String> values = new HashMap<>();
			for (SettingField field : channel.fields()) {
				if (field.defaultValue() != null) {
					values.put(field.name(), field.defaultValue());
				}
			}
			values.putAll(plain);
			values.putAll(secrets);
			return new ChannelSettings(values, ratePerSecond);
		}

		Map<String, String> plainInOrder(MessageChannel channel) {
			Map<String, String> ordered = new LinkedHashMap<>();
			channel.fields().stream().filter(f -> !f.secret()).forEach(f -> ordered.put(f.name(), plain.get(f.name())));
			return ordered;
		}
	}
}
