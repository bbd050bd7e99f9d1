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
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Server-side validation of the demo expense claim (费用报销申请) with a sub-table of {@code rows} rows through
 * {@code POST /api/v1/workflow/forms/expense-claim/versions/1/validation}: JSON Schema 2020-12 (networknt), the
 * computed total, requiredWhen and the reference checks. {@code valid} answers 204; {@code invalid} has every
 * tenth amount negative and answers 422 with one error per bad row ({@code items[9].amount} …).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FormValidationBenchmark {

	static final String PASSWORD = "Xq7!campus-Demo";

	@State(Scope.Thread)
	public static class Student {

		@Param("http://localhost:18080")
		public String baseUrl;

		@Param({ "20", "200" })
		public int rows;

		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		HttpClient http;

		String valid;

		String invalid;

		@Setup(Level.Trial)
		public void signIn() throws IOException, InterruptedException {
			String host = URI.create(baseUrl).getHost();
			if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
				throw new IllegalArgumentException("baseUrl must be a loopback address: " + baseUrl);
			}
			http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
			String form = "username=stu001&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
			HttpResponse<Void> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.header("X-XSRF-TOKEN", csrf())
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.discarding());
			if (login.statusCode() != 200) {
				throw new IllegalStateException("sign-in answered " + login.statusCode());
			}
			valid = claim(rows, false);
			invalid = claim(rows, true);
		}

		String csrf() throws IOException, InterruptedException {
			var token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue).filter(value -> !value.isEmpty()).findFirst();
			if (token.isPresent()) {
				return token.get();
			}
			http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/csrf")).build(),
					HttpResponse.BodyHandlers.discarding());
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
				.map(HttpCookie::getValue).findFirst().orElseThrow();
		}

		int post(String body) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/workflow/forms/expense-claim/versions/1/validation"))
				.header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", csrf())
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}

		static String claim(int rows, boolean broken) {
			StringBuilder items = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				if (i > 0) {
					items.append(',');
				}
				String amount = broken && i % 10 == 9 ? "-1" : String.valueOf(10 + i % 7) + ".50";
				items.append("{\"date\":\"2026-11-").append(10 + i % 18).append("\",\"category\":\"travel\",")
					.append("\"description\":\"出租车 ").append(i).append("\",\"amount\":").append(amount).append('}');
			}
			return "{\"purpose\":\"学术会议差旅\",\"budgetCode\":\"KY-2026-001\",\"items\":[" + items + "]}";
		}
	}

	@Benchmark
	public int valid(Student student) throws IOException, InterruptedException {
		int status = student.post(student.valid);
		if (status != 204) {
			throw new IllegalStateException("valid claim answered " + status);
		}
		return status;
	}

	@Benchmark
	public int invalid(Student student) throws IOException, InterruptedException {
		int status = student.post(student.invalid);
		if (status != 422) {
			throw new IllegalStateException("invalid claim answered " + status);
		}
		return status;
	}
}
