package org.onecampus.messaging.internal.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that answers like a remote service (WeCom, DingTalk, an SMS
 * gateway, a webhook receiver): each path has a handler from request to reply, and every request
 * is kept for the test to inspect.
 */
public final class LocalHttpService implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

	public LocalHttpService() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		server.start();
	}

	/** Answers requests to {@code path} with what {@code handler} returns. */
	public LocalHttpService on(String path, Function<Request, Reply> handler) {
		server.createContext(path, exchange -> handle(exchange, handler));
		return this;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<Request> requests(String path) {
		synchronized (requests) {
			return requests.stream().filter(r -> r.path().equals(path)).toList();
		}
	}

	private void handle(HttpExchange exchange, Function<Request, Reply> handler) throws IOException {
		URI uri = exchange.getRequestURI();
		Map<String, String> query = new LinkedHashMap<>();
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				String[] kv = pair.split("=", 2);
				query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
			}
		}
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
		Request request = new Request(exchange.getRequestMethod(), uri.getPath(), query, headers,
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		requests.add(request);
		Reply reply = handler.apply(request);
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			exchange.getResponseBody().write(body);
		}
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

	public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
	}

	public record Reply(int status, String body) {

		public static Reply json(String body) {
			return new Reply(200, body);
		}
	}
}
