package org.onecampus.bench.jmh;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The floor under {@link PasswordSignInBenchmark#passwordSignIn}: an HTTP server that does nothing for a
 * sign-in but the Argon2id verification (the same libargon2 call and parameters as the JMH hashing side and
 * the server), with no framework, no session, no database, no audit. It answers the JMH browser exactly as
 * OneCampus does ({@code GET /api/v1/csrf} and {@code POST /login} set an {@code XSRF-TOKEN} cookie, success
 * is 200 JSON, a wrong password 401), with the same bound on concurrent hashes (one per core) kept the same way:
 * the request threads hand each hash to that many hashing threads.
 * <p>
 * Run the alternating ratio against it to see how much of the hashing rate is left once only the HTTP
 * client, the loopback network and a minimal HTTP server share the two cores with the hash: no sign-in
 * through a real server, which must also keep a session, throttle and audit, can be above that figure.
 * <p>
 * {@code java -cp … org.onecampus.bench.jmh.HashOnlyServer PORT [PERMITS]}
 */
public final class HashOnlyServer {

	private HashOnlyServer() {
	}

	public static void main(String[] args) throws Exception {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 18499;
		ExecutorService hashers = Executors.newFixedThreadPool(args.length > 1 ? Integer.parseInt(args[1])
				: Runtime.getRuntime().availableProcessors());
		PasswordSignInBenchmark.Hashes hashes = new PasswordSignInBenchmark.Hashes();
		hashes.hash();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.createContext("/api/v1/csrf", exchange -> answer(exchange, 204, null));
		server.createContext("/login", exchange -> {
			Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			boolean ok;
			try {
				ok = hashers.submit(() -> PasswordSignInBenchmark.PASSWORD.equals(form.get("password"))
						&& MessageDigest.isEqual(PasswordSignInBenchmark.nativeHash(hashes), hashes.expected)).get();
			}
			catch (InterruptedException | ExecutionException ex) {
				throw new IOException(ex);
			}
			answer(exchange, ok ? 200 : 401, ok ? "{\"redirect\":\"/\"}" : "{\"status\":401}");
		});
		server.start();
		System.out.println("hash-only sign-in server on http://localhost:" + port);
	}

	private static void answer(HttpExchange exchange, int status, String json) throws IOException {
		exchange.getResponseHeaders().add("Set-Cookie", "XSRF-TOKEN=" + UUID.randomUUID() + "; Path=/");
		byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
		if (json != null) {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
		}
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			String[] kv = pair.split("=", 2);
			if (kv.length == 2) {
				form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
			}
		}
		return form;
	}
}
