package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The service hall statistics over a large history (bench/hall-statistics-p95.sh fills 1,000,000 applications
 * first): one administrator rebuilds the rollups (request "rebuild": the full recomputation), then {@code users}
 * administrators with the whole university in scope read every figure of the dashboard in a closed loop for
 * {@code duration} seconds: the default range (90 days) and the whole two years, and the workbook export.
 * {@code rebuild=false} skips the rebuild. The run fails if any request fails.
 */
public class HallStatisticsSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18080");

	static final int USERS = Integer.getInteger("users", 4);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 60);

	static final boolean REBUILD = Boolean.parseBoolean(System.getProperty("rebuild", "true"));

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	static final String DAYS_90 = "from=" + TODAY.minusDays(89) + "&to=" + TODAY;

	static final String YEARS_2 = "from=" + TODAY.minusDays(729) + "&to=" + TODAY;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableWarmUp();

	final ChainBuilder signIn = exec(http("csrf").get("/api/v1/csrf")
		.check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exec(http("sign in").post("/login")
			.header("X-XSRF-TOKEN", "#{csrfToken}")
			.formParam("username", "admin")
			.formParam("password", "Xq7!campus-Demo")
			.check(status().is(200)))
		.exec(http("csrf again").get("/api/v1/csrf").check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exitHereIfFailed();

	final ChainBuilder figures = exec(session -> session.set("deadline",
			System.nanoTime() + Duration.ofSeconds(DURATION_SECONDS).toNanos()))
		.exec(asLongAs(session -> System.nanoTime() < session.getLong("deadline"))
			.on(exec(http("overview 90d").get("/api/v1/hall/statistics/overview?" + DAYS_90)
				.check(status().is(200), jmesPath("totals.submitted").exists()))
				.exec(http("kpis 90d").get("/api/v1/hall/statistics/kpis?" + DAYS_90).check(status().is(200)))
				.exec(http("services 90d").get("/api/v1/hall/statistics/services?" + DAYS_90).check(status().is(200)))
				.exec(http("top 90d").get("/api/v1/hall/statistics/top?" + DAYS_90).check(status().is(200)))
				.exec(http("departments 90d").get("/api/v1/hall/statistics/departments?" + DAYS_90).check(status().is(200)))
				.exec(http("cold 90d").get("/api/v1/hall/statistics/cold?" + DAYS_90).check(status().is(200)))
				.exec(http("overview 2y").get("/api/v1/hall/statistics/overview?" + YEARS_2).check(status().is(200)))
				.exec(http("services 2y").get("/api/v1/hall/statistics/services?" + YEARS_2).check(status().is(200)))
				.exec(http("departments 2y").get("/api/v1/hall/statistics/departments?" + YEARS_2).check(status().is(200)))
				.exec(http("one item 2y").get("/api/v1/hall/statistics/overview?" + YEARS_2 + "&service=bench-hall-001")
					.check(status().is(200)))
				.exec(http("export 2y").get("/api/v1/hall/statistics/export.xlsx?" + YEARS_2).header("Accept", "*/*")
					.check(status().is(200)))));

	final ScenarioBuilder rebuild = scenario("rebuild the rollups").exec(signIn)
		.exec(http("rebuild").post("/api/v1/hall/statistics/rebuild").header("X-XSRF-TOKEN", "#{csrfToken}")
			.header("Content-Type", "application/json").body(io.gatling.javaapi.core.CoreDsl.StringBody("{}"))
			.requestTimeout(Duration.ofMinutes(10))
			.check(status().is(200), jmesPath("rows").saveAs("rows")));

	final ScenarioBuilder readers = scenario("read the dashboard until the end").exec(signIn, figures);

	{
		if (!SignInAndMeSimulation.isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address: " + BASE_URL);
		}
		var read = readers.injectOpen(atOnceUsers(USERS));
		setUp(REBUILD ? rebuild.injectOpen(atOnceUsers(1)).andThen(read) : read).protocols(protocol)
			.maxDuration(Duration.ofSeconds(DURATION_SECONDS + 900L))
			.assertions(global().failedRequests().count().is(0L));
	}
}
