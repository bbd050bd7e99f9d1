package org.onecampus.messaging.internal.channels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import org.onecampus.messaging.channel.SettingField;

import org.springframework.stereotype.Component;

/**
 * An outgoing webhook: each delivery is POSTed as JSON to the configured URL, signed so that the
 * receiver can check it came from us: {@code X-OneCampus-Timestamp} (epoch seconds) and
 * {@code X-OneCampus-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>}.
 * 2xx is sent, 408/429/5xx are retried, other statuses fail.
 */
@Component
class WebhookChannel implements MessageChannel {

	static final String SIGNATURE_HEADER = "X-OneCampus-Signature";

	static final String TIMESTAMP_HEADER = "X-OneCampus-Timestamp";

	private final HttpJson http;

	WebhookChannel(HttpJson http) {
		this.http = http;
	}

	@Override
	public String id() {
		return "webhook";
	}

	@Override
	public List<SettingField> fields() {
		return List.of(SettingField.required("url"), SettingField.secret("secret"));
	}

	@Override
	public AddressKind addressKind() {
		return AddressKind.PERSON;
	}

	@Override
	public List<SettingProblem> validate(ChannelSettings settings) {
		return Urls.check("url", settings.get("url"));
	}

	@Override
	public DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("deliveryId", delivery.id());
		payload.put("messageId", delivery.messageId().toString());
		payload.put("category", delivery.category());
		payload.put("personId", delivery.personId().toString());
		payload.put("username", delivery.username());
		payload.put("title", delivery.title());
		payload.put("body", delivery.body());
		String body = http.mapper().writeValueAsString(payload);
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		try {
			HttpJson.Reply reply = http.post(settings.get("url"), body, Map.of(TIMESTAMP_HEADER, timestamp,
					SIGNATURE_HEADER, "sha256=" + sign(settings.get("secret"), timestamp + "." + body)));
			if (reply.ok()) {
				return DeliveryOutcome.sent();
			}
			return reply.retryable() ? DeliveryOutcome.retry(reply.brief()) : DeliveryOutcome.failed(reply.brief());
		}
		catch (IOException ex) {
			return DeliveryOutcome.retry("webhook unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.retry("interrupted");
		}
	}

	static String sign(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
