package org.onecampus.bench.jmh;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A blocking HTTP/1.1 client for one browser in the sign-in benchmarks: one keep-alive connection on loopback,
 * a cookie jar of name → value (the server's cookies all have path {@code /} on one host), no TLS, no
 * redirects. It exists because the JDK's {@code HttpClient} (asynchronous: a selector thread, futures and a
 * cookie manager per request) costs the benchmark's own JVM a few milliseconds of CPU per request, and in
 * these benchmarks the client shares the two cores with the server it measures; this one costs a few
 * hundredths. The requests it sends are the same ({@link PasswordSignInBenchmark} uses either).
 */
final class LeanHttpClient implements AutoCloseable {

	private final String host;

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	LeanHttpClient(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if (!"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("http only: " + baseUrl);
		}
		this.host = uri.getHost();
		this.port = uri.getPort() == -1 ? 80 : uri.getPort();
	}

	Map<String, String> cookies() {
		return cookies;
	}

	/** @return the status; the body is read and dropped, the cookies it sets are kept */
	int send(String method, String path, Map<String, String> headers, String body) throws IOException {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: ").append(host).append(':').append(port).append("\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (!cookies.isEmpty()) {
			request.append("Cookie: ");
			String separator = "";
			for (var cookie : cookies.entrySet()) {
				request.append(separator).append(cookie.getKey()).append('=').append(cookie.getValue());
				separator = "; ";
			}
			request.append("\r\n");
		}
		if (body != null) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("\r\n");
		for (int attempt = 0;; attempt++) {
			try {
				connect();
				out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
				out.write(content);
				out.flush();
				return readResponse();
			}
			catch (IOException ex) {
				// The server closed an idle keep-alive connection: reconnect once.
				close();
				if (attempt > 0) {
					throw ex;
				}
			}
		}
	}

	private void connect() throws IOException {
		if (socket == null) {
			socket = new Socket(host, port);
			socket.setTcpNoDelay(true);
			in = new BufferedInputStream(socket.getInputStream(), 8192);
			out = socket.getOutputStream();
		}
	}

	private int readResponse() throws IOException {
		String status = line();
		if (status == null) {
			throw new IOException("connection closed");
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); header != null && !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> close = value.equalsIgnoreCase("close");
				case "set-cookie" -> setCookie(value);
				default -> {
				}
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
					size = Long.parseLong(line().split(";")[0].trim(), 16)) {
				skip(size);
				line();
			}
			for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
				// trailers are not used
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (close || (!chunked && length < 0 && code != 204 && code != 304)) {
			close();
		}
		return code;
	}

	private void setCookie(String header) {
		String pair = header.split(";", 2)[0];
		int equals = pair.indexOf('=');
		String name = pair.substring(0, equals).trim();
		String value = pair.substring(equals + 1).trim();
		boolean expired = header.toLowerCase(Locale.ROOT).contains("max-age=0");
		if (value.isEmpty() || expired) {
			cookies.remove(name);
		}
		else {
			cookies.put(name, value);
		}
	}

	private void skip(long bytes) throws IOException {
		for (long left = bytes; left > 0;) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed in the body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
	}
}
