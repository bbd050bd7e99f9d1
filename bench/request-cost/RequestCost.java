import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one request costs the server, measured from outside: a closed loop of client-credentials tokens
 * ({@code token}: {@code POST /oauth2/token} as demo-system) or password sign-ins ({@code signin}: as the
 * JMH passwordSignIn does, {@code GET /api/v1/csrf} when the browser has no CSRF cookie, then
 * {@code POST /login}, each browser cycling through the nine fixed demo accounts) or a signed-in browser's
 * requests ({@code me}: each thread signs in once as one of the nine accounts, then asks {@code GET /api/v1/me}
 * over and over; the sign-ins are not counted), and the CPU time the
 * server's JVM and its embedded PostgreSQL's processes (postmaster and backends) spent meanwhile, per
 * request, from /proc. CPU per request is far less sensitive to the machine's other load than requests
 * per second. Run with {@code java bench/request-cost/RequestCost.java} (Java 17, no dependencies);
 * {@code bench/request-cost.sh} adds the database's commit and row counters.
 *
 * Arguments: MODE (token|signin|me) BASE_URL THREADS SECONDS SERVER_PID DATA_DIR
 */
public class RequestCost {

	static final List<String> USERS = List.of("admin", "stu001", "grad001", "fac001", "cou001", "head001", "intl001",
			"it001", "visitor001");

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		String base = args[1];
		int threads = Integer.parseInt(args[2]);
		int seconds = Integer.parseInt(args[3]);
		long serverPid = Long.parseLong(args[4]);
		String dataDir = args[5];
		String host = URI.create(base).getHost();
		if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
			throw new IllegalArgumentException("BASE_URL must be a loopback address: " + base);
		}
		AtomicLong ok = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<HttpClient> signedIn = new ArrayList<>();
		if (mode.equals("me")) {
			for (int i = 0; i < threads; i++) {
				signedIn.add(signIn(base, USERS.get(i % USERS.size())));
			}
		}
		long jvm0 = cpu(serverPid);
		long pg0 = postgresCpu(dataDir);
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		List<Thread> loops = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int first = i;
			Runnable loop = switch (mode) {
				case "token" -> () -> tokens(base, end, ok, failed);
				case "signin" -> () -> signIns(base, first, end, ok, failed);
				case "me" -> () -> me(signedIn.get(first), base, end, ok, failed);
				default -> throw new IllegalArgumentException("MODE must be token, signin or me: " + mode);
			};
			Thread thread = new Thread(loop);
			thread.start();
			loops.add(thread);
		}
		for (Thread thread : loops) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long jvm = cpu(serverPid) - jvm0;
		long pg = postgresCpu(dataDir) - pg0;
		double load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		long n = Math.max(1, ok.get());
		System.out.printf(Locale.ROOT, "requests=%d failed=%d secs=%.1f rate=%.2f/s jvmCpuMs=%.2f pgCpuMs=%.2f load=%.2f%n",
				ok.get(), failed.get(), elapsed, ok.get() / elapsed, jvm * 10.0 / n, pg * 10.0 / n, load);
	}

	static void tokens(String base, long end, AtomicLong ok, AtomicLong failed) {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String basic = Base64.getEncoder().encodeToString("demo-system:demo-system-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=messaging.send"))
			.build();
		while (System.nanoTime() < end) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				count(response, ok, failed);
			}
			catch (Exception ex) {
				failed.incrementAndGet();
			}
		}
	}

	static void signIns(String base, int first, long end, AtomicLong ok, AtomicLong failed) {
		// KNOWN_DEVICES=1: one cookie jar per account, so each account signs in again from the device it used
		// before (no new-device notice after its first sign-in); otherwise one jar for all nine accounts, so
		// each account's device cookie is overwritten by the next and every sign-in is from a new device.
		boolean knownDevices = "1".equals(System.getenv("KNOWN_DEVICES"));
		// FRESH_SESSIONS=1: every sign-in from a browser without a session (jmh-password.sh's FRESH_SESSIONS=1)
		boolean freshSessions = "1".equals(System.getenv("FRESH_SESSIONS"));
		List<CookieManager> jars = new java.util.ArrayList<>();
		List<HttpClient> clients = new java.util.ArrayList<>();
		for (int i = 0; i < (knownDevices ? USERS.size() : 1); i++) {
			CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
			jars.add(jar);
			clients.add(HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER).build());
		}
		int user = first;
		while (System.nanoTime() < end) {
			int index = user++ % USERS.size();
			CookieManager cookies = jars.get(knownDevices ? index : 0);
			HttpClient http = clients.get(knownDevices ? index : 0);
			if (freshSessions) {
				cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ONECAMPUS_SESSION")).toList()
					.forEach(c -> cookies.getCookieStore().remove(null, c));
			}
			try {
				String csrf = csrf(cookies);
				if (csrf == null) {
					http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf")).build(), HttpResponse.BodyHandlers.discarding());
					csrf = csrf(cookies);
				}
				String form = "username=" + USERS.get(index) + "&password="
						+ URLEncoder.encode("Xq7!campus-Demo", StandardCharsets.UTF_8);
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "application/json")
					.header("X-XSRF-TOKEN", String.valueOf(csrf))
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.ofString());
				count(response, ok, failed);
			}
			catch (Exception ex) {
				failed.incrementAndGet();
			}
		}
	}

	/** @return a browser signed in as {@code username} */
	static HttpClient signIn(String base, String username) throws Exception {
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
		http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/csrf")).build(), HttpResponse.BodyHandlers.discarding());
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", String.valueOf(csrf(cookies)))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
					+ URLEncoder.encode("Xq7!campus-Demo", StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("sign-in as " + username + ": " + response.statusCode() + " " + response.body());
		}
		return http;
	}

	static void me(HttpClient http, String base, long end, AtomicLong ok, AtomicLong failed) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Accept", "application/json").build();
		while (System.nanoTime() < end) {
			try {
				count(http.send(request, HttpResponse.BodyHandlers.ofString()), ok, failed);
			}
			catch (Exception ex) {
				failed.incrementAndGet();
			}
		}
	}

	static String csrf(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue).filter(v -> !v.isEmpty()).findFirst().orElse(null);
	}

	static void count(HttpResponse<String> response, AtomicLong ok, AtomicLong failed) {
		if (response.statusCode() == 200) {
			ok.incrementAndGet();
		}
		else if (failed.incrementAndGet() < 3) {
			System.err.println(response.statusCode() + " " + response.body());
		}
	}

	/** User plus system CPU of a process, in clock ticks (1/100 s). */
	static long cpu(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** CPU of the postmaster running on DATA_DIR and of its children (backends, WAL writer, …). */
	static long postgresCpu(String dataDir) throws Exception {
		Set<Long> postmasters = new HashSet<>();
		List<long[]> all = new ArrayList<>();
		try (var entries = Files.list(Path.of("/proc"))) {
			for (Path entry : (Iterable<Path>) entries::iterator) {
				String name = entry.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					String cmd = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
					String stat = Files.readString(entry.resolve("stat"));
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					long pid = Long.parseLong(name);
					if (cmd.contains("postgres") && cmd.contains(dataDir)) {
						postmasters.add(pid);
					}
					all.add(new long[] {pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])});
				}
				catch (Exception gone) {
					// The process ended meanwhile.
				}
			}
		}
		return all.stream().filter(p -> postmasters.contains(p[0]) || postmasters.contains(p[1])).mapToLong(p -> p[2]).sum();
	}
}
