package org.onecampus.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The service hall under load (bench/hall-load.sh writes the feeders and fills the history first). Two scenarios,
 * chosen with {@code scenario}:
 *
 * <ul>
 * <li>{@code submit}: {@code users} distinct undergraduates (feeder {@code submitUsersFile}, CSV
 * {@code username,password}, one account per virtual user) sign in, wait until every one of them has signed in
 * (a common start instant {@code signInSeconds} after the simulation starts) and then, for {@code duration} seconds
 * without think time, open the demo item {@code student-leave} as the web app does (request "open item":
 * {@code GET /api/v1/hall/services/student-leave}; request "open form": {@code GET
 * /api/v1/hall/applications/forms/student-leave}, the form with the caller's prefilled values) and submit it
 * (request "submit": {@code POST /api/v1/hall/applications} with a fresh {@code Idempotency-Key}, the prefilled
 * values plus the leave's own fields; the server validates the form and starts the workflow). The group "open and
 * submit" is the whole sequence. Every submit must answer 201.</li>
 * <li>{@code pages}: {@code users} typical people (feeder {@code pageUsersFile}, CSV {@code username,password,group})
 * sign in and read, in a closed loop for {@code duration} seconds, the catalogue ({@code GET
 * /api/v1/hall/services} without a query, with a Chinese keyword and with a pinyin query), the hall part of the
 * portal home ({@code GET /api/v1/hall/home}) and the to-do page ({@code GET /api/v1/hall/todos?scope=todo} and
 * {@code /api/v1/hall/todos/counts}).</li>
 * </ul>
 *
 * <p>System properties: {@code baseUrl} (loopback only, default {@code http://localhost:18190}), {@code users},
 * {@code duration} (seconds, default 60), {@code signInSeconds} (default 60: the time allowed for all sign-ins before
 * the measured window; sign-ins are spread over half of it), {@code qZh} (default 请假), {@code qPinyin} (default
 * {@code qingjia}). The run fails if any request fails.
 */
public class HallSimulation extends Simulation {

	static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:18190");

	static final String SCENARIO = System.getProperty("scenario", "submit");

	static final int USERS = Integer.getInteger("users", "submit".equals(SCENARIO) ? 200 : 8);

	static final int DURATION_SECONDS = Integer.getInteger("duration", 60);

	static final int SIGN_IN_SECONDS = Integer.getInteger("signInSeconds", 60);

	static final String SUBMIT_USERS = System.getProperty("submitUsersFile", "bench/target/hall-submit-users.csv");

	static final String PAGE_USERS = System.getProperty("pageUsersFile", "bench/target/hall-page-users.csv");

	static final String Q_ZH = System.getProperty("qZh", "请假");

	static final String Q_PINYIN = System.getProperty("qPinyin", "qingjia");

	static final String ITEM = "student-leave";

	static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** Set in {@link #before()}: when the measured window opens and closes (System.nanoTime). */
	private volatile long startNanos;

	private volatile long endNanos = Long.MAX_VALUE;

	final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
		.acceptHeader("application/json")
		.acceptLanguageHeader("zh-CN")
		.userAgentHeader("onecampus-bench (Gatling)")
		.disableWarmUp();

	final ChainBuilder signIn = exec(http("csrf").get("/api/v1/csrf")
		.check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exec(http("sign in").post("/login")
			.header("X-XSRF-TOKEN", "#{csrfToken}")
			.formParam("username", "#{username}")
			.formParam("password", "#{password}")
			.check(status().is(200)))
		// the token rotates with the session
		.exec(http("csrf again").get("/api/v1/csrf").check(status().is(200), jmesPath("token").saveAs("csrfToken")))
		.exitHereIfFailed();

	/** Waits for the common start so that the measured window sees all users signed in. */
	final ChainBuilder waitForStart = pause(
		session -> Duration.ofNanos(Math.max(0, startNanos - System.nanoTime())));

	/**
	 * The form data: the prefilled values (name, student number, college, counsellor) plus a personal leave of one to
	 * three days within the next two months, not leaving the campus, with a reason in Chinese.
	 */
	static String leaveBody(String prefilled, long n) {
		LocalDate start = TODAY.plusDays(1 + n % 60);
		int days = 1 + (int) (n % 3);
		LocalDate end = start.plusDays(days - 1L);
		String pairs = prefilled == null || prefilled.isBlank() ? "" : prefilled + ",";
		return "{\"serviceCode\":\"" + ITEM + "\",\"formData\":{" + pairs
				+ "\"leaveType\":\"personal\",\"period\":[\"" + start + "\",\"" + end + "\"],\"days\":" + days
				+ ",\"leavesCampus\":\"no\",\"reason\":\"家中有事，需请假处理（基准测试 " + n + "）\"}}";
	}

	final ChainBuilder openAndSubmit = group("open and submit").on(
			exec(http("open item").get("/api/v1/hall/services/" + ITEM).check(status().is(200),
					jmesPath("code").is(ITEM)))
				.exec(http("open form").get("/api/v1/hall/applications/forms/" + ITEM)
					.check(status().is(200), jmesPath("form").exists(), jmesPath("prefill").ofMap().saveAs("prefill")))
				.exec(session -> session.set("body", leaveBody(prefillPairs(session.getMap("prefill")),
						session.userId() * 100_000L + session.getInt("n"))).set("key", UUID.randomUUID().toString()))
				.exec(http("submit").post("/api/v1/hall/applications")
					.header("X-XSRF-TOKEN", "#{csrfToken}")
					.header("Idempotency-Key", "#{key}")
					.header("Content-Type", "application/json")
					.body(StringBody("#{body}"))
					.check(status().is(201), jmesPath("status").is("RUNNING"))));

	/** The prefilled values as JSON members: {"field": {"value": …, "source": …}} becomes "field": value. */
	static String prefillPairs(java.util.Map<String, Object> prefill) {
		if (prefill == null) {
			return "";
		}
		List<String> pairs = new ArrayList<>();
		prefill.forEach((field, entry) -> {
			Object value = entry instanceof java.util.Map<?, ?> m ? m.get("value") : entry;
			pairs.add("\"" + field + "\":" + json(value));
		});
		return String.join(",", pairs);
	}

	static String json(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** The feeders are read only for the scenario that runs: the other one's file may not exist yet. */
	ScenarioBuilder submitters() {
		return scenario("sign in, then open and submit the leave until the end")
		.feed(csv(SUBMIT_USERS).queue())
		.exec(signIn, waitForStart)
		.exec(session -> session.set("n", 0))
		.exec(asLongAs(session -> System.nanoTime() < endNanos)
			.on(exec(openAndSubmit).exec(session -> session.set("n", session.getInt("n") + 1))));
	}

	ScenarioBuilder readers() {
		return scenario("sign in, then the catalogue, home and to-do pages until the end")
		.feed(csv(PAGE_USERS).circular())
		.exec(signIn, waitForStart)
		.exec(asLongAs(session -> System.nanoTime() < endNanos)
			.on(exec(http("services #{group}").get("/api/v1/hall/services?page=0&size=20")
				.check(status().is(200), jmesPath("total").exists()))
				.exec(http("services q=zh #{group}").get("/api/v1/hall/services?page=0&size=20&q=" + Q_ZH)
					.check(status().is(200), jmesPath("total").exists()))
				.exec(http("services q=pinyin #{group}").get("/api/v1/hall/services?page=0&size=20&q=" + Q_PINYIN)
					.check(status().is(200), jmesPath("total").exists()))
				.exec(http("home #{group}").get("/api/v1/hall/home").check(status().is(200), jmesPath("hot").exists()))
				.exec(http("todos #{group}").get("/api/v1/hall/todos?scope=todo&page=0&size=20")
					.check(status().is(200), jmesPath("total").exists()))
				.exec(http("todo counts #{group}").get("/api/v1/hall/todos/counts").check(status().is(200)))));
	}

	{
		if (!SignInAndMeSimulation.isLoopback(BASE_URL)) {
			throw new IllegalArgumentException("baseUrl must be a loopback address: " + BASE_URL);
		}
		ScenarioBuilder chosen = switch (SCENARIO) {
			case "submit" -> submitters();
			case "pages" -> readers();
			default -> throw new IllegalArgumentException("scenario must be submit or pages: " + SCENARIO);
		};
		PopulationBuilder population = chosen
			.injectOpen(USERS > 1 ? rampUsers(USERS).during(Math.max(1, SIGN_IN_SECONDS / 2)) : atOnceUsers(1));
		setUp(population).protocols(protocol)
			.maxDuration(Duration.ofSeconds(SIGN_IN_SECONDS + DURATION_SECONDS + 120L))
			.assertions(global().failedRequests().count().is(0L));
	}

	@Override
	public void before() {
		startNanos = System.nanoTime() + Duration.ofSeconds(SIGN_IN_SECONDS).toNanos();
		endNanos = startNanos + Duration.ofSeconds(DURATION_SECONDS).toNanos();
	}
}
