package org.onecampus.identity.internal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Accepts the CSRF token in either form a client may hold: the raw value of the {@code XSRF-TOKEN}
 * cookie (what the single-page app sends) or the BREACH-masked token from {@code GET /api/v1/csrf}
 * or a rendered form (what scripts send). Tokens handed out are always masked.
 */
final class CsrfTokenHandler implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String value = plain.resolveCsrfTokenValue(request, token);
		if (value != null && value.equals(token.getToken())) {
			return value;
		}
		return masked.resolveCsrfTokenValue(request, token);
	}
}
