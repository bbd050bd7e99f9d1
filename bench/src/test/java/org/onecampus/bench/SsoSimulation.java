package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Single sign-on throughput with the demo profile's apps, two scenarios side by side:
 * <ul>
 * <li><b>CAS</b>: each virtual user signs in once as {@code stu001}, then loops
 * {@code GET /cas/login?service=…} (request "cas login": issues a service ticket from the session) and
 * {@code GET /cas/p3/serviceValidate} (request "cas serviceValidate": consumes it and answers with the
 * released attributes);</li>
 * <li><b>client credentials</b>: {@code POST /oauth2/token} as {@code demo-system} (request "token"),
 * which checks the client secret (a keyed HMAC-SHA-256 hash since the benchmark work of issue 3; an
 * Argon2id hash before) and signs a JWT.</li>
 * </ul>
 * Properties: {@code baseUrl} (loopback only, default {@code http://localhost:8080}), {@code casUsers}
 * (default 20), {@code tokenUsers} (default 20; 0 leaves a scenario out, to measure one at a time),
 * {@code duration} seconds (default 30). The run fails if any request fails.
 */
public class SsoSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");

	static final int CAS_USERS = Integer.getInteger("casUsers", 20);

	static final int TOKEN_USERS = Integer.getInteger("tokenUsers", 20);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 30);

	static final String SERVICE = "http://localhost:9999/bench";

	private volatile long deadlineNanos = Long.MAX_VALUE;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableFollowRedirect()
		.disableWarmUp();

	final ChainBuilder signIn = exec(http("csrf").get("/api/v1/csrf")
		.check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exec(http("sign in").post("/login")
			.header("X-XSRF-TOKEN", "#{csrfToken}")
			.formParam("username", "stu001")
			.formParam("password", "Xq7!campus-Demo")
			.check(status().is(200)))
		.exitHereIfFailed();

	final ChainBuilder casLoop = asLongAs(session -> System.nanoTime() < deadlineNanos)
		.on(exec(http("cas login").get("/cas/login").queryParam("service", SERVICE)
			.check(status().is(302), header("Location").transform(l -> l.substring(l.indexOf("ticket=") + 7))
				.saveAs("ticket")))
			.exec(http("cas serviceValidate").get("/cas/p3/serviceValidate")
				.queryParam("service", SERVICE)
				.queryParam("ticket", "#{ticket}")
				.check(status().is(200), regex("<cas:user>stu001</cas:user>").exists())));

	final ChainBuilder tokenLoop = asLongAs(session -> System.nanoTime() < deadlineNanos)
		.on(exec(http("token").post("/oauth2/token")
			.basicAuth("demo-system", "demo-system-secret")
			.formParam("grant_type", "client_credentials")
			.formParam("scope", "messaging.send")
			.check(status().is(200), jmesPath("access_token").exists())));

	final ScenarioBuilder cas = scenario("CAS ticket and serviceValidate").exec(signIn, casLoop);

	final ScenarioBuilder tokens = scenario("client credentials tokens").exec(tokenLoop);

	{
		if (!SignInAndMeSimulation.isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address: " + BASE_URL);
		}
		java.util.List<io.gatling.javaapi.core.PopulationBuilder> populations = new java.util.ArrayList<>();
		if (CAS_USERS > 0) {
			populations.add(cas.injectOpen(atOnceUsers(CAS_USERS)));
		}
		if (TOKEN_USERS > 0) {
			populations.add(tokens.injectOpen(atOnceUsers(TOKEN_USERS)));
		}
		setUp(populations).protocols(protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SECONDS + 120L))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		deadlineNanos = System.nanoTime() + Duration.ofSeconds(DURATION_SECONDS).toNanos();
	}
}
