package org.onecampus.messaging.internal.channels;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * SMS through whatever HTTP gateway the campus has. Administrators set the URL (placeholders
 * allowed, URL-encoded), the method (POST or GET), a body template with {@code {{phone}}},
 * {@code {{title}}}, {@code {{content}}} and {@code {{id}}} (JSON-escaped when the content type is
 * JSON), an auth header with a secret value, and the success rule: HTTP 2xx and, when
 * {@code successPointer} is set (a JSON pointer such as {@code /code}), that field equal to
 * {@code successValue}. Statuses listed in {@code retryValues} of that field, HTTP 429 and 5xx are
 * retried.
 */
@Component
class SmsGatewayChannel implements MessageChannel {

	private final HttpJson http;

	SmsGatewayChannel(HttpJson http) {
		this.http = http;
	}

	@Override
	public String id() {
		return "sms";
	}

	@Override
	public List<SettingField> fields() {
		return List.of(SettingField.required("url"), SettingField.optional("method", "POST"),
				SettingField.optional("contentType", "application/json"),
				SettingField.optional("bodyTemplate", "{\"phone\":\"{{phone}}\",\"content\":\"{{content}}\"}"),
				SettingField.optional("authHeader", "Authorization"), new SettingField("authValue", false, true, null),
				SettingField.optional("successPointer", null), SettingField.optional("successValue", null),
				SettingField.optional("retryValues", null));
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.PHONE;
	}

	@Override
	public List<SettingProblem> validate(ChannelSettings settings) {
		List<SettingProblem> problems = new ArrayList<>(Urls.check("url", settings.get("url")));
		String method = settings.get("method", "POST");
		if (!method.equals("POST") && !method.equals("GET")) {
			problems.add(new SettingProblem("method", "messaging.setting.method"));
		}
		String pointer = settings.get("successPointer");
		if (pointer != null && !pointer.startsWith("/")) {
			problems.add(new SettingProblem("successPointer", "messaging.setting.pointer"));
		}
		return problems;
	}

	@Override
	public DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		boolean json = settings.get("contentType", "application/json").contains("json");
		Map<String, String> values = new HashMap<>();
		values.put("phone", delivery.address());
		values.put("title", delivery.title());
		values.put("content", delivery.body());
		values.put("id", String.valueOf(delivery.id()));
		Map<String, String> urlValues = new HashMap<>();
		values.forEach((k, v) -> urlValues.put(k, URLEncoder.encode(v, StandardCharsets.UTF_8)));
		String url = fill(settings.get("url"), urlValues);
		Map<String, String> headers = new HashMap<>();
		if (settings.get("authValue") != null) {
			headers.put(settings.get("authHeader", "Authorization"), settings.get("authValue"));
		}
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
			if ("GET".equals(settings.get("method", "POST"))) {
				request.GET();
			}
			else {
				Map<String, String> bodyValues = new HashMap<>();
				values.forEach((k, v) -> bodyValues.put(k, json ? jsonEscape(v) : URLEncoder.encode(v, StandardCharsets.UTF_8)));
				String body = fill(settings.get("bodyTemplate", "{\"phone\":\"{{phone}}\",\"content\":\"{{content}}\"}"), bodyValues);
				request.header("Content-Type", settings.get("contentType", "application/json") + "; charset=utf-8")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			}
			HttpJson.Reply reply = http.send(request, headers);
			if (!reply.ok()) {
				return reply.retryable() ? DeliveryOutcome.retry(reply.brief()) : DeliveryOutcome.failed(reply.brief());
			}
			String pointer = settings.get("successPointer");
			if (pointer == null) {
				return DeliveryOutcome.sent();
			}
			JsonNode value = reply.json(http.mapper()).at(pointer);
			String actual = value.isMissingNode() || value.isNull() ? null : value.asString();
			if (actual != null && actual.equals(settings.get("successValue"))) {
				return DeliveryOutcome.sent();
			}
			List<String> retry = settings.get("retryValues") == null ? List.of()
					: List.of(settings.get("retryValues").split("\\s*,\\s*"));
			String reason = "gateway answered " + pointer + "=" + actual + " (" + reply.brief() + ")";
			return actual != null && retry.contains(actual) ? DeliveryOutcome.retry(reason) : DeliveryOutcome.failed(reason);
		}
		catch (IOException ex) {
			return DeliveryOutcome.retry("SMS gateway unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.retry("interrupted");
		}
	}

	private static String fill(String template, Map<String, String> values) {
		String out = template;
		for (var e : values.entrySet()) {
			out = out.replace("{{" + e.getKey() + "}}", e.getValue());
		}
		return out;
	}

	static String jsonEscape(String value) {
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}
}
