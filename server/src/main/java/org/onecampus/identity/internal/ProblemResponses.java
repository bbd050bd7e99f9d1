package org.onecampus.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onecampus.kernel.error.Problems;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Problem+json answers from the security filters: 401 when nobody is signed in (or the session
 * expired), 403 when the signed-in person lacks the permission or the CSRF token is missing.
 */
@Component
class ProblemResponses {

	private final Problems problems;

	private final JsonMapper json;

	ProblemResponses(Problems problems, JsonMapper json) {
		this.problems = problems;
		this.json = json;
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
	}

	AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			if (ex instanceof CsrfException) {
				write(request, response, HttpStatus.FORBIDDEN, "csrf.invalid");
			}
			else if (authentication == null || new AuthenticationTrustResolverImpl().isAnonymous(authentication)) {
				write(request, response, HttpStatus.UNAUTHORIZED, "auth.required");
			}
			else {
				write(request, response, HttpStatus.FORBIDDEN, "auth.forbidden");
			}
		};
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String errorCode,
			Object... args) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(), problems.create(request, status, errorCode, args));
	}
}
