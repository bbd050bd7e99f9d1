package org.onecampus.messaging.internal.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** A small JSON-over-HTTP client with timeouts, shared by the HTTP channels. */
@Component
class HttpJson {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json;

	HttpJson(JsonMapper json) {
		this.json = json;
	}

	JsonMapper mapper() {
		return json;
	}

	Reply get(String url) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
	}

	Reply post(String url, Object body, Map<String, String> headers) throws IOException, InterruptedException {
		String text = body instanceof String s ? s : json.writeValueAsString(body);
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json; charset=utf-8")
			.POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)), headers);
	}

	Reply send(HttpRequest.Builder request, Map<String, String> headers) throws IOException, InterruptedException {
		headers.forEach(request::header);
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Reply(response.statusCode(), response.body());
	}

	/** A response: status and body text. */
	record Reply(int status, String body) {

		boolean ok() {
			return status >= 200 && status < 300;
		}

		/** Server errors and 429 are worth another try; other client errors are not. */
		boolean retryable() {
			return status == 429 || status == 408 || status >= 500;
		}

		JsonNode json(JsonMapper mapper) {
			return mapper.readTree(body == null || body.isBlank() ? "{}" : body);
		}

		String brief() {
			String text = body == null ? "" : body.strip();
			return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) : text));
		}
	}
}
