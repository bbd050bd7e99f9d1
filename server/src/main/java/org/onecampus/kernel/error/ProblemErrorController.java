package org.onecampus.kernel.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors that happen outside a controller (in a filter, in the container) with the same
 * problem+json as everywhere else, instead of a white-label page.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private final Problems problems;

	ProblemErrorController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping(path = "/error", produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		// a filter's failure (the sign-in's records, the session store) that was the database's, not ours
		if (status == HttpStatus.INTERNAL_SERVER_ERROR && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
			var trouble = DatabaseTrouble.of(failure);
			if (trouble.isPresent()) {
				return trouble.get().answer(problems, request, failure);
			}
		}
		String errorCode = switch (status) {
			case NOT_FOUND -> "resource.no-such-path";
			case UNAUTHORIZED -> "auth.required";
			case FORBIDDEN -> "auth.forbidden";
			case CONTENT_TOO_LARGE -> "request.too-large";
			case METHOD_NOT_ALLOWED -> "request.method";
			case BAD_REQUEST -> "request.malformed";
			default -> status.is5xxServerError() ? "internal" : "request.error";
		};
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		ProblemDetail problem = problems.create(request, status, errorCode, uri == null ? "" : uri, request.getMethod());
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
