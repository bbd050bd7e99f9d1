package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * OneCampus and Keycloak under the same load, one system and one scenario per run (the script
 * {@code bench/keycloak-side-by-side.sh} alternates them). Every virtual user loops without think
 * time until {@code duration} seconds after the start:
 * <ul>
 * <li>{@code scenario=signin}, {@code target=onecampus}: {@code GET /api/v1/csrf} then
 * {@code POST /login} (request <b>"sign in"</b>), as the campus login page does;</li>
 * <li>{@code scenario=signin}, {@code target=keycloak}: the resource-owner password grant
 * {@code POST /realms/<realm>/protocol/openid-connect/token} with {@code grant_type=password} and the
 * confidential client (request <b>"sign in"</b>): Keycloak's form-less password sign-in, which checks
 * the Argon2id hash, creates a user session and issues the tokens;</li>
 * <li>{@code scenario=token}: client credentials (request <b>"token"</b>) at the system's token
 * endpoint with HTTP Basic client authentication.</li>
 * </ul>
 * Both sign in as the accounts of the same feeder ({@code usersFile}, default the nine demo accounts,
 * which the script also creates in the Keycloak realm). Properties: {@code target}, {@code scenario},
 * {@code baseUrl} (loopback only), {@code users} (default 8), {@code duration} (default 30),
 * {@code realm}, {@code clientId}, {@code clientSecret}, {@code scope}. Any failed request fails the
 * run.
 */
public class SideBySideSimulation extends Simulation {

	static final String TARGET = System.getProperty("target", "onecampus");

	static final String SCENARIO = System.getProperty("scenario", "signin");

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");

	static final int USERS = Integer.getInteger("users", 8);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 30);

	static final String REALM = System.getProperty("realm", "bench");

	static final String CLIENT_ID = System.getProperty("clientId", "demo-system");

	static final String CLIENT_SECRET = System.getProperty("clientSecret", "demo-system-secret");

	static final String SCOPE = System.getProperty("scope", "messaging.send");

	static final String USERS_FILE = System.getProperty("usersFile", "users.csv");

	private volatile long deadlineNanos = Long.MAX_VALUE;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableFollowRedirect()
		.disableWarmUp();

	final FeederBuilder<String> accounts = csv(USERS_FILE).circular();

	String tokenPath() {
		return "keycloak".equals(TARGET) ? "/realms/" + REALM + "/protocol/openid-connect/token" : "/oauth2/token";
	}

	ChainBuilder signIn() {
		if ("keycloak".equals(TARGET)) {
			return exec(http("sign in").post(tokenPath())
				.basicAuth(CLIENT_ID, CLIENT_SECRET)
				.formParam("grant_type", "password")
				.formParam("username", "#{username}")
				.formParam("password", "#{password}")
				.check(status().is(200), jmesPath("access_token").exists()));
		}
		return exec(http("csrf").get("/api/v1/csrf").check(status().is(200), jmesPath("token").saveAs("csrfToken")))
			.exec(http("sign in").post("/login")
				.header("X-XSRF-TOKEN", "#{csrfToken}")
				.formParam("username", "#{username}")
				.formParam("password", "#{password}")
				.check(status().is(200)));
	}

	ChainBuilder token() {
		return exec(http("token").post(tokenPath())
			.basicAuth(CLIENT_ID, CLIENT_SECRET)
			.formParam("grant_type", "client_credentials")
			.formParam("scope", SCOPE)
			.check(status().is(200), jmesPath("access_token").exists()));
	}

	{
		if (!SignInAndMeSimulation.isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address: " + BASE_URL);
		}
		if (!TARGET.equals("onecampus") && !TARGET.equals("keycloak")) {
			throw new IllegalArgumentException("target must be onecampus or keycloak: " + TARGET);
		}
		ChainBuilder step = switch (SCENARIO) {
			case "signin" -> feed(accounts).exec(signIn());
			case "token" -> token();
			default -> throw new IllegalArgumentException("scenario must be signin or token: " + SCENARIO);
		};
		setUp(scenario(TARGET + " " + SCENARIO)
			.exec(asLongAs(session -> System.nanoTime() < deadlineNanos).on(step))
			.injectOpen(atOnceUsers(USERS)))
			.protocols(protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SECONDS + 120L))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		deadlineNanos = System.nanoTime() + Duration.ofSeconds(DURATION_SECONDS).toNanos();
	}
}
