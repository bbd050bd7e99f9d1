package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Sign in, then read {@code /api/v1/me} in a closed loop.
 *
 * <p>Each virtual user takes the next account from the feeder (cycling), fetches a CSRF token
 * ({@code GET /api/v1/csrf}, which also sets the {@code XSRF-TOKEN} cookie), signs in with a form
 * post ({@code POST /login}, request name "sign in") and then calls {@code GET /api/v1/me}
 * (request name "me") back to back, without think time, until the test's end. "sign in" measures
 * the Argon2id password check (m=19 MiB, t=2, p=1) plus the session creation and the audit entry;
 * "me" measures an authenticated read: the session lookup in PostgreSQL (Spring Session JDBC) and
 * the person, affiliations and permissions behind it.
 *
 * <p>System properties (all optional):
 * <ul>
 * <li>{@code baseUrl}: the server, default {@code http://localhost:8080} (loopback only)</li>
 * <li>{@code users}: concurrent virtual users, default 50</li>
 * <li>{@code duration}: seconds from the start until every user stops, default 60</li>
 * <li>{@code ramp}: seconds over which the users start, default 0 (all at once)</li>
 * <li>{@code usersFile}: a CSV feeder {@code username,password} (classpath resource or file path),
 * default {@code users.csv}: the nine fixed demo accounts</li>
 * </ul>
 *
 * <p>The run fails if any request fails.
 */
public class SignInAndMeSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");

	static final int USERS = Integer.getInteger("users", 50);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 60);

	static final int RAMP_SECONDS = Integer.getInteger("ramp", 0);

	static final String USERS_FILE = System.getProperty("usersFile", "users.csv");

	/** Hard upper bound on the whole run, whatever happens to the server. */
	static final Duration MAX_DURATION = Duration.ofSeconds(DURATION_SECONDS + RAMP_SECONDS + 120L);

	/** When the loops stop: set when the simulation starts, read by every virtual user. */
	private volatile long deadlineNanos = Long.MAX_VALUE;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("en-US")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableWarmUp();

	final FeederBuilder<String> accounts = csv(USERS_FILE).circular();

	final ChainBuilder signIn = exec(http("csrf").get("/api/v1/csrf")
		.check(status().is(200), jmesPath("headerName").is("X-XSRF-TOKEN"), jmesPath("token").saveAs("csrfToken")))
		.exec(http("sign in").post("/login")
			.header("X-XSRF-TOKEN", "#{csrfToken}")
			.formParam("username", "#{username}")
			.formParam("password", "#{password}")
			.check(status().is(200), jmesPath("redirect").exists()))
		.exitHereIfFailed();

	final ChainBuilder me = asLongAs(session -> System.nanoTime() < deadlineNanos)
		.on(exec(http("me").get("/api/v1/me").check(status().is(200), jmesPath("username").isEL("#{username}"))));

	final ScenarioBuilder scenario = scenario("sign in, then /me until the end").feed(accounts).exec(signIn, me);

	{
		if (!isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address (localhost, 127.x, [::1]): " + BASE_URL);
		}
		PopulationBuilder population = scenario
			.injectOpen(RAMP_SECONDS > 0 ? rampUsers(USERS).during(RAMP_SECONDS) : atOnceUsers(USERS));
		setUp(population).protocols(protocol)
			.maxDuration(MAX_DURATION)
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		deadlineNanos = System.nanoTime() + Duration.ofSeconds(DURATION_SECONDS).toNanos();
		System.out.printf("OneCampus bench: %d users against %s for %d s (ramp %d s), accounts from %s%n", USERS,
				BASE_URL, DURATION_SECONDS, RAMP_SECONDS, USERS_FILE);
	}

	static boolean isLoopback(String url) {
		String host = java.net.URI.create(url).getHost();
		return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
				|| host.equals("::1"));
	}
}
