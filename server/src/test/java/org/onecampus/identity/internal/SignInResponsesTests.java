package org.onecampus.identity.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignInResponsesTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "/profile, /profile", "/audit?page=2, /audit?page=2", "//evil.example, /", "https://evil.example, /",
			"/\\evil.example, /", "/login, /", "/login?redirect=/x, /", "'', /", "javascript:alert(1), /" })
	void onlyRelativePathsOnThisSiteAreFollowed(String requested, String expected) {
		assertThat(SignInResponses.safeRelative(requested)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "http://localhost:8080/oauth2/authorize?client_id=a&state=b, /oauth2/authorize?client_id=a&state=b",
			"https://sso.example.edu.cn/cas/login?service=https%3A%2F%2Fjw.example.edu.cn%2F, /cas/login?service=https%3A%2F%2Fjw.example.edu.cn%2F",
			"http://localhost:8080/, /" })
	void aSavedRequestBecomesAPathOnThisSite(String saved, String expected) {
		assertThat(SignInResponses.pathOf(saved)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} is saved for after sign-in: {1}")
	@CsvSource({ "/api/v1/me, false", "/api/v1/audit/events, false", "/oauth2/authorize, true", "/cas/login, true",
			"/profile, true" })
	void onlyNavigationsAreSavedNeverTheAppsOwnApiCalls(String path, boolean saved) {
		var request = new org.springframework.mock.web.MockHttpServletRequest("GET", path);
		var response = new org.springframework.mock.web.MockHttpServletResponse();
		var cache = SignInResponses.pagesOnly();
		cache.saveRequest(request, response);
		assertThat(cache.getRequest(request, response) != null).isEqualTo(saved);
	}
}
