package org.onecampus.kernel.web;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics, OpenAPI and the single-page application, each with the access it should have. */
@IntegrationTest
class PlatformEndpointsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void healthIsPublic() {
		var response = new ApiClient(port).get("/actuator/health");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		ProblemAssertions.assertProblem(new ApiClient(port).get("/actuator/prometheus"), 401, "auth.required");
		ProblemAssertions.assertProblem(new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD)
			.get("/actuator/prometheus"), 403, "auth.forbidden");
		var response = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD).get("/actuator/prometheus", "text/plain");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		var response = new ApiClient(port).get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("paths").has("/api/v1/me")).isTrue();
		assertThat(response.json().get("paths").has("/api/v1/audit/events")).isTrue();
		assertThat(new ApiClient(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void theProductAndUniversityArePublic() {
		var platform = new ApiClient(port).get("/api/v1/platform").json();
		assertThat(platform.get("productName").asString()).isEqualTo("OneCampus · 一网通办");
		assertThat(platform.get("university").get("name").asString()).isEqualTo("示例大学");
	}

	@Test
	void deepLinksIntoTheAppServeTheApp() {
		var response = new ApiClient(port).get("/profile");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("<div id=\"app\"");
	}
}
