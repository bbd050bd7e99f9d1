package org.onecampus.messaging.internal.channels;

import java.io.IOException;
import java.util.Set;

import org.onecampus.messaging.channel.ChannelSettings;
import org.onecampus.messaging.channel.DeliveryOutcome;
import org.onecampus.messaging.channel.MessageChannel;
import org.onecampus.messaging.channel.OutgoingDelivery;
import tools.jackson.databind.JsonNode;

/**
 * The shape WeCom and DingTalk share: get an access token with the app's key and secret (cached),
 * call the send API with it, and when the answer says the token expired or is invalid, drop it,
 * get a fresh one and try once more. {@code errcode} 0 is success; listed codes are retried later
 * (busy, rate limited); any other code fails the delivery.
 */
abstract class TokenApiChannel implements MessageChannel {

	/** errcode for an expired access token (both services) */
	static final int TOKEN_EXPIRED = 42001;

	/** errcode for an invalid access token (both services) */
	static final int TOKEN_INVALID = 40014;

	private final AccessTokens tokens = new AccessTokens();

	protected final HttpJson http;

	protected TokenApiChannel(HttpJson http) {
		this.http = http;
	}

	/** @return the gettoken URL for these settings */
	protected abstract String tokenUrl(ChannelSettings settings);

	/** @return the send URL with the token */
	protected abstract String sendUrl(ChannelSettings settings, String token);

	/** @return the JSON body of the send call */
	protected abstract Object sendBody(OutgoingDelivery delivery, ChannelSettings settings);

	/** @return errcodes that mean "try again later" */
	protected abstract Set<Integer> retryCodes();

	/** @return a reason to fail a delivery that errcode 0 did not fully deliver, or null */
	protected String partialFailure(JsonNode answer) {
		return null;
	}

	@Override
	public DeliveryOutcome deliver(OutgoingDelivery delivery, ChannelSettings settings) {
		try {
			for (int round = 0; round < 2; round++) {
				String key = tokenUrl(settings);
				String token = tokens.get(key);
				if (token == null) {
					HttpJson.Reply reply = http.get(key);
					JsonNode answer = reply.ok() ? reply.json(http.mapper()) : null;
					if (answer == null || answer.path("errcode").asInt(-1) != 0) {
						return reply.retryable() || answer == null
								? DeliveryOutcome.retry("gettoken: " + reply.brief())
								: DeliveryOutcome.retry("gettoken errcode " + answer.path("errcode").asInt(-1) + ": "
										+ answer.path("errmsg").asString(""));
					}
					token = answer.path("access_token").asString();
					tokens.put(key, token, answer.path("expires_in").asLong(7200));
				}
				HttpJson.Reply reply = http.post(sendUrl(settings, token), sendBody(delivery, settings), java.util.Map.of());
				if (!reply.ok()) {
					return reply.retryable() ? DeliveryOutcome.retry(reply.brief()) : DeliveryOutcome.failed(reply.brief());
				}
				JsonNode answer = reply.json(http.mapper());
				int code = answer.path("errcode").asInt(-1);
				if (code == 0) {
					String partial = partialFailure(answer);
					return partial == null ? DeliveryOutcome.sent() : DeliveryOutcome.failed(partial);
				}
				if (code == TOKEN_EXPIRED || code == TOKEN_INVALID) {
					tokens.invalidate(key);
					continue;
				}
				String reason = "errcode " + code + ": " + answer.path("errmsg").asString("");
				return retryCodes().contains(code) ? DeliveryOutcome.retry(reason) : DeliveryOutcome.failed(reason);
			}
			return DeliveryOutcome.retry("access token refused twice in a row");
		}
		catch (IOException ex) {
			return DeliveryOutcome.retry(id() + " unreachable: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.retry("interrupted");
		}
	}
}
