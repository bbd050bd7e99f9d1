package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The workflow task lists under a large history (bench/workflow-todo-p95.sh fills the database first):
 * each virtual user signs in once and then reads its first page of {@code GET /api/v1/workflow/tasks}
 * for scope todo, done and cc in a closed loop until the end. Request names carry the account's
 * group from the feeder ({@code hot}: the counsellor with 300 open tasks and thousands of finished
 * ones; {@code typical}: anyone else), so the report gives the p95 of each scope for both.
 *
 * <p>System properties: {@code baseUrl} (loopback only, default {@code http://localhost:18080}),
 * {@code users} (default 8), {@code duration} (seconds, default 60), {@code usersFile} (CSV
 * {@code username,password,group}, default {@code bench/target/tasklist-users.csv}).
 * The run fails if any request fails.
 */
public class TaskListSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18080");

	static final int USERS = Integer.getInteger("users", 8);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 60);

	static final String USERS_FILE = System.getProperty("usersFile", "bench/target/tasklist-users.csv");

	private volatile long deadlineNanos = Long.MAX_VALUE;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableWarmUp();

	final FeederBuilder<String> accounts = csv(USERS_FILE).circular();

	final ChainBuilder signIn = exec(http("csrf").get("/api/v1/csrf")
		.check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exec(http("sign in").post("/login")
			.header("X-XSRF-TOKEN", "#{csrfToken}")
			.formParam("username", "#{username}")
			.formParam("password", "#{password}")
			.check(status().is(200)))
		.exitHereIfFailed();

	final ChainBuilder lists = asLongAs(session -> System.nanoTime() < deadlineNanos)
		.on(exec(http("todo #{group}").get("/api/v1/workflow/tasks?scope=todo&page=0&size=20")
			.check(status().is(200), jmesPath("total").exists()))
			.exec(http("done #{group}").get("/api/v1/workflow/tasks?scope=done&page=0&size=20")
				.check(status().is(200), jmesPath("total").exists()))
			.exec(http("cc #{group}").get("/api/v1/workflow/tasks?scope=cc&page=0&size=20")
				.check(status().is(200), jmesPath("total").exists())));

	final ScenarioBuilder scenario = scenario("sign in, then the task lists until the end").feed(accounts)
		.exec(signIn, lists);

	{
		if (!SignInAndMeSimulation.isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address: " + BASE_URL);
		}
		setUp(scenario.injectOpen(atOnceUsers(USERS))).protocols(protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SECONDS + 120L))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		deadlineNanos = System.nanoTime() + Duration.ofSeconds(DURATION_SECONDS).toNanos();
	}
}
