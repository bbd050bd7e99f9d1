package org.onecampus.bench.jmh;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

/**
 * Password sign-ins per second through {@code POST /login} against the pure Argon2id verification
 * rate with the server's parameters (m=19 MiB, t=2, p=1), measured in the same JMH run on the same
 * machine. Run both with the same thread count; the ratio sign-ins/hashes is the overhead of
 * everything around the hash (HTTP, the session in PostgreSQL, throttle bookkeeping, audit, the device
 * record, weak-password scoring) and of the benchmark's own client, which shares the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PasswordSignInBenchmark {

	static final String PASSWORD = "Xq7!campus-Demo";

	static final List<String> USERS = List.of("admin", "stu001", "grad001", "fac001", "cou001", "head001", "intl001",
			"it001", "visitor001");

	/**
	 * The hash to verify, with the implementation the server uses: {@code native} is the system's libargon2
	 * through JNA, which the server picks when the library is installed (its log says "Argon2id password
	 * hashing: libargon2 (native)"); {@code bouncycastle} is Spring Security's encoder, the server's fallback.
	 */
	@State(Scope.Benchmark)
	public static class Hashes {

		@Param("native")
		public String implementation = "native";

		final Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

		Libargon2 libargon2;

		final byte[] salt = new byte[16];

		byte[] expected;

		String hash;

		@Setup
		public void hash() {
			hash = argon2.encode(PASSWORD);
			if (implementation.equals("native")) {
				libargon2 = Native.load("argon2", Libargon2.class);
				new java.security.SecureRandom().nextBytes(salt);
				expected = nativeHash(this);
			}
			else if (!implementation.equals("bouncycastle")) {
				throw new IllegalArgumentException("implementation: native or bouncycastle, not " + implementation);
			}
		}

		boolean matches() {
			return libargon2 == null ? argon2.matches(PASSWORD, hash) : MessageDigest.isEqual(nativeHash(this), expected);
		}
	}

	/** {@code argon2id_hash_raw} of the system's libargon2, as the server calls it. */
	public interface Libargon2 extends Library {

		int argon2id_hash_raw(int tCost, int mCost, int parallelism, byte[] pwd, NativeLong pwdlen, byte[] salt,
				NativeLong saltlen, byte[] hash, NativeLong hashlen);
	}

	static byte[] nativeHash(Hashes hashes) {
		byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[32];
		int result = hashes.libargon2.argon2id_hash_raw(2, 19 * 1024, 1, password, new NativeLong(password.length),
				hashes.salt, new NativeLong(hashes.salt.length), out, new NativeLong(out.length));
		if (result != 0) {
			throw new IllegalStateException("libargon2 failed: " + result);
		}
		return out;
	}

	/**
	 * One browser per benchmark thread: a cookie jar that keeps the rotating CSRF cookie. {@code -Dclient=jdk}
	 * (default) sends with the JDK's {@code HttpClient}, {@code -Dclient=lean} with {@link LeanHttpClient}, a
	 * blocking keep-alive client that costs the benchmark's JVM far less CPU per request; the requests are the
	 * same.
	 */
	@State(Scope.Thread)
	public static class Browser {

		static final AtomicInteger next = new AtomicInteger();

		private static final String DEVICE = "ONECAMPUS_DEVICE";

		private static final String XSRF = "XSRF-TOKEN";

		private static final String SESSION = "ONECAMPUS_SESSION";

		@Param("http://localhost:18080")
		public String baseUrl;

		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		/**
		 * {@code -DknownDevices=true}: the browser keeps each account's device cookie and shows it when that
		 * account signs in again, as a person's own phone or laptop does. Without it the browser holds one
		 * device cookie (the server's names one login), so with the accounts rotating every sign-in comes from
		 * a "new device" and sends its notice: the shared-computer case, and the harder one.
		 */
		final boolean knownDevices = Boolean.getBoolean("knownDevices");

		/**
		 * {@code -DfreshSessions=true}: every sign-in comes from a browser without a session, as one just opened
		 * does (the session cookie went with its last window) or one whose session ended: a login storm. Without it
		 * the browser still holds the session of its previous sign-in (another account's, still signed in), so the
		 * server first reads that session and then hands it to the new account under a new id: switching accounts
		 * without signing out.
		 */
		final boolean freshSessions = Boolean.getBoolean("freshSessions");

		final boolean leanClient = "lean".equals(System.getProperty("client", "jdk"));

		final Map<String, String> devices = new HashMap<>();

		HttpClient http;

		LeanHttpClient lean;

		int user;

		@Setup(Level.Trial)
		public void open() throws IOException, InterruptedException {
			String host = URI.create(baseUrl).getHost();
			if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
				throw new IllegalArgumentException("baseUrl must be a loopback address: " + baseUrl);
			}
			if (leanClient) {
				lean = new LeanHttpClient(baseUrl);
			}
			else {
				http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
			}
			get("/api/v1/csrf");
			user = next.getAndIncrement();
		}

		private Optional<String> cookie(String name) {
			if (leanClient) {
				return Optional.ofNullable(lean.cookies().get(name));
			}
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst();
		}

		/** Puts the account's own device cookie (if it has one yet) in place of whichever is there. */
		void showDevice(String username) {
			String own = devices.get(username);
			if (leanClient) {
				if (own == null) {
					lean.cookies().remove(DEVICE);
				}
				else {
					lean.cookies().put(DEVICE, own);
				}
				return;
			}
			var store = cookies.getCookieStore();
			store.getCookies().stream().filter(c -> c.getName().equals(DEVICE)).toList().forEach(c -> store.remove(null, c));
			if (own != null) {
				HttpCookie cookie = new HttpCookie(DEVICE, own);
				cookie.setPath("/login");
				store.add(URI.create(baseUrl + "/login"), cookie);
			}
		}

		/** Forgets the session cookie, as a browser does when its last window closes. */
		void dropSession() {
			if (leanClient) {
				lean.cookies().remove(SESSION);
				return;
			}
			var store = cookies.getCookieStore();
			store.getCookies().stream().filter(c -> c.getName().equals(SESSION)).toList().forEach(c -> store.remove(null, c));
		}

		void keepDevice(String username) {
			cookie(DEVICE).ifPresent(value -> devices.put(username, value));
		}

		/**
		 * The CSRF cookie's value. The sign-in answer carries the next one; a browser without one asks
		 * {@code GET /api/v1/csrf}, exactly as the web app does.
		 */
		String csrf() throws IOException, InterruptedException {
			var token = cookie(XSRF);
			if (token.isPresent()) {
				return token.get();
			}
			get("/api/v1/csrf");
			return cookie(XSRF).orElseThrow();
		}

		private void get(String path) throws IOException, InterruptedException {
			if (leanClient) {
				lean.send("GET", path, Map.of("Accept", "application/json"), null);
			}
			else {
				http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(), HttpResponse.BodyHandlers.discarding());
			}
		}

		/** @return the status of {@code POST path} with the form and the CSRF header */
		int postForm(String path, String form) throws IOException, InterruptedException {
			String csrf = csrf();
			if (leanClient) {
				return lean.send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded",
						"Accept", "application/json", "X-XSRF-TOKEN", csrf), form);
			}
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", csrf)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
	}

	@Benchmark
	public boolean argon2idVerify(Hashes hashes) {
		return hashes.matches();
	}

	@Benchmark
	public int passwordSignIn(Browser browser) throws IOException, InterruptedException {
		String username = USERS.get(browser.user++ % USERS.size());
		if (browser.knownDevices) {
			browser.showDevice(username);
		}
		if (browser.freshSessions) {
			browser.dropSession();
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
		int status = browser.postForm("/login", form);
		if (status != 200) {
			throw new IllegalStateException("sign-in of " + username + " answered " + status);
		}
		if (browser.knownDevices) {
			browser.keepDevice(username);
		}
		return status;
	}
}
