package org.onecampus.kernel.error;

import java.net.http.HttpRequest.BodyPublishers;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error, whatever produced it, is RFC 9457 problem+json, localized, traceable and free of internals. */
@IntegrationTest
class ProblemResponsesIntegrationTests {

	@LocalServerPort
	int port;

	private static void assertProblem(Response response, int status, String errorCode) {
		ProblemAssertions.assertProblem(response, status, errorCode);
	}

	ApiClient anonymous() {
		return new ApiClient(port);
	}

	ApiClient student() {
		return new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
	}

	@Test
	void anUnauthenticatedCallIs401WithAChineseTitleByDefault() {
		Response response = anonymous().get("/api/v1/me");
		assertProblem(response, 401, "auth.required");
		assertThat(response.json().get("title").asString()).isEqualTo("请先登录");
	}

	@Test
	void theTitleFollowsAcceptLanguage() {
		Response response = anonymous().language("en-US,en;q=0.9").get("/api/v1/me");
		assertProblem(response, 401, "auth.required");
		assertThat(response.json().get("title").asString()).isEqualTo("Sign-in required");
	}

	@Test
	void aForbiddenCallIs403() {
		assertProblem(student().get("/api/v1/audit/events"), 403, "auth.forbidden");
	}

	@Test
	void anUnknownApiPathIs404() {
		Response response = student().get("/api/v1/no-such-thing");
		assertProblem(response, 404, "resource.no-such-path");
		assertThat(response.json().get("detail").asString()).contains("/api/v1/no-such-thing");
	}

	@Test
	void anUnknownApiPathAsksAnonymousCallersToSignInFirst() {
		// Not 404 for anonymous callers: the API does not reveal which paths exist before sign-in.
		assertProblem(anonymous().get("/api/v1/no-such-thing"), 401, "auth.required");
	}

	@Test
	void aWrongMethodIs405() {
		Response response = student().send("DELETE", "/api/v1/me", null, BodyPublishers.noBody());
		assertProblem(response, 405, "request.method");
		assertThat(response.header("allow")).contains("GET");
	}

	@Test
	void malformedJsonIs400() {
		assertProblem(student().putJson("/api/v1/me/preferences", "{\"locale\": "), 400, "request.malformed");
	}

	@Test
	void aWrongMediaTypeIs415() {
		Response response = student().send("PUT", "/api/v1/me/preferences", "text/plain", BodyPublishers.ofString("en-US"));
		assertProblem(response, 415, "request.media-type");
	}

	@Test
	void invalidFieldsAre422WithOneErrorPerField() {
		Response response = student().language("en").putJson("/api/v1/me/preferences", "{\"locale\": \"fr-FR\"}");
		assertProblem(response, 422, "request.validation");
		var errors = response.json().get("errors");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("locale");
		assertThat(errors.get(0).get("message").asString()).isEqualTo("has the wrong format");
	}

	@Test
	void fieldMessagesAreLocalizedToo() {
		Response response = student().putJson("/api/v1/me/preferences", "{}");
		assertProblem(response, 422, "request.validation");
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("不能为空");
	}

	@Test
	void invalidQueryParametersAre422NamingTheParameter() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		Response response = admin.get("/api/v1/audit/events?size=1000");
		assertProblem(response, 422, "request.validation");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
	}

	@Test
	void aParameterOfTheWrongTypeIs400() {
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);
		assertProblem(admin.get("/api/v1/audit/statistics/daily?days=many"), 400, "request.parameter");
	}

	@Test
	void anOversizedBodyIs413() {
		String huge = "{\"locale\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";
		assertProblem(student().putJson("/api/v1/me/preferences", huge), 413, "request.too-large");
	}

	@Test
	void theErrorControllerAnswersWithAProblemToo() {
		Response response = anonymous().get("/error");
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("traceId").asString()).hasSize(32);
	}

	@Test
	void theTraceIdOfTheProblemIsTheOneInTheResponseHeader() {
		Response response = anonymous().get("/api/v1/me");
		assertThat(response.json().get("traceId").asString()).isEqualTo(response.header("x-trace-id"));
	}
}
