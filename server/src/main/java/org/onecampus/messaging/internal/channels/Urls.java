package org.onecampus.messaging.internal.channels;

import java.net.URI;
import java.util.List;

import org.onecampus.messaging.channel.MessageChannel.SettingProblem;

/** Checks of URL settings shared by the HTTP channels. */
final class Urls {

	private Urls() {
	}

	/** @return a problem when {@code value} is set but not an absolute http(s) URL */
	static List<SettingProblem> check(String field, String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		try {
			URI uri = URI.create(value.trim());
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
				return List.of();
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		return List.of(new SettingProblem(field, "messaging.setting.url"));
	}

	static String trimSlash(String base) {
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}
}
