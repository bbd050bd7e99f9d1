package org.onecampus.support;

import org.onecampus.support.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape every error response must have. */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(Response response, int status, String errorCode) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("type").asString()).isEqualTo("urn:onecampus:problem:" + errorCode);
		assertThat(problem.get("errorCode").asString()).isEqualTo(errorCode);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(response.body()).doesNotContain("Exception", "org.springframework", "org.onecampus", "\tat ");
	}
}
