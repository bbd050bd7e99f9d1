package org.onecampus.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script's view of the API over real HTTP: a cookie jar, the CSRF token fetched the way the API
 * guide tells scripts to, and JSON parsing. One instance is one browser session.
 */
public final class ApiClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String language = "zh-CN";

	/** Headers sent with every request, such as {@code X-Forwarded-For} from a test proxy. */
	private final Map<String, String> extraHeaders = new LinkedHashMap<>();

	/** The token from {@code GET /api/v1/csrf}, as the API guide tells scripts to use it; null until fetched. */
	private String csrfToken;

	/** Send the raw cookie value instead, as the single-page app does. */
	private boolean cookieCsrf;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** Sends the {@code XSRF-TOKEN} cookie's value as the CSRF header, the way the browser app does. */
	public ApiClient usingCookieCsrf() {
		this.cookieCsrf = true;
		return this;
	}

	/** Uses this CSRF token from now on, as a forged request would. */
	public ApiClient csrfToken(String token) {
		this.csrfToken = token;
		return this;
	}

	/** Sends this header with every request from now on. */
	public ApiClient header(String name, String value) {
		extraHeaders.put(name, value);
		return this;
	}

	/** Appears to come from {@code address} through a trusted proxy on the loopback interface. */
	public ApiClient from(String address) {
		return header("X-Forwarded-For", address);
	}

	public ApiClient language(String language) {
		this.language = language;
		return this;
	}

	/** Signs in through {@code POST /login} and expects success. */
	public ApiClient signIn(String username, String password) {
		Response response = postForm("/login", Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new AssertionError("sign-in of " + username + " failed: " + response.status() + " " + response.body());
		}
		return this;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	/** A GET for something other than JSON, such as Prometheus metrics or a page. */
	public Response get(String path, String accept) {
		return send(request(path).setHeader("Accept", accept).GET());
	}

	/** A GET of a binary download, such as a workbook; fails unless the answer is 200. */
	public byte[] download(String path) {
		try {
			HttpResponse<byte[]> response = http.send(request(path).setHeader("Accept", "*/*").GET().build(),
					BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new AssertionError("download of " + path + " failed: " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response postForm(String path, Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
			.append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
		return send(withCsrf(request(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(body.toString())));
	}

	public Response postJson(String path, String body) {
		return send(withCsrf(request(path)).header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)));
	}

	/** POSTs JSON with extra headers, such as {@code Idempotency-Key}. */
	public Response postJson(String path, String body, Map<String, String> headers) {
		HttpRequest.Builder builder = withCsrf(request(path)).header("Content-Type", "application/json");
		headers.forEach(builder::header);
		return send(builder.POST(BodyPublishers.ofString(body)));
	}

	public Response putJson(String path, String body) {
		return send(withCsrf(request(path)).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(body)));
	}

	public Response send(String method, String path, String contentType, BodyPublisher body) {
		HttpRequest.Builder builder = withCsrf(request(path)).method(method, body);
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder);
	}

	/** Sends without the CSRF header, as a forged cross-site request would. */
	public Response postFormWithoutCsrf(String path, String body) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)));
	}

	public HttpCookie cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElse(null);
	}

	public void forgetCookie(String name) {
		cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
			.forEach(c -> cookies.getCookieStore().remove(URI.create(base), c));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", language)
			.header("Accept", "application/json, application/problem+json");
		extraHeaders.forEach(builder::header);
		return builder;
	}

	private HttpRequest.Builder withCsrf(HttpRequest.Builder builder) {
		if (cookieCsrf) {
			HttpCookie token = cookie("XSRF-TOKEN");
			if (token == null) {
				get("/api/v1/csrf");
				token = cookie("XSRF-TOKEN");
			}
			return builder.header("X-XSRF-TOKEN", token.getValue());
		}
		if (csrfToken == null) {
			csrfToken = get("/api/v1/csrf").json().get("token").asString();
		}
		return builder.header("X-XSRF-TOKEN", csrfToken);
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			Map<String, String> headers = new LinkedHashMap<>();
			response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(", ", v)));
			if (response.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))) {
				csrfToken = null; // the token rotated (sign-in, sign-out): fetch a fresh one next time
			}
			return new Response(response.statusCode(), headers, response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response: status, lower-cased headers, body. */
	public record Response(int status, Map<String, String> headers, String body) {

		public JsonNode json() {
			return ApiClient.json.readTree(body);
		}

		public String header(String name) {
			return headers.get(name.toLowerCase());
		}

		public String contentType() {
			return header("content-type");
		}
	}
}
