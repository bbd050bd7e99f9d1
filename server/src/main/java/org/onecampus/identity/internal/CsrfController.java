package org.onecampus.identity.internal;

import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/csrf}: the CSRF token for the current session, also set as the
 * {@code XSRF-TOKEN} cookie. Scripts call it before their first POST (see the API guide).
 */
@RestController
class CsrfController {

	@GetMapping("/api/v1/csrf")
	@PublicEndpoint
	CsrfView csrf(CsrfToken token) {
		return new CsrfView(token.getHeaderName(), token.getParameterName(), token.getToken());
	}

	record CsrfView(String headerName, String parameterName, String token) {
	}
}
