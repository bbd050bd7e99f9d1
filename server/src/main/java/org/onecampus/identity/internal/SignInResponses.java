package org.onecampus.identity.internal;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.protection.KnownDevice;
import org.onecampus.identity.internal.protection.SignInAttempt;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;

/**
 * What the sign-in page gets back. The page posts with XHR, so success is JSON naming where to go
 * next (the request that sent the person to sign in, as an SSO client would, or a safe relative
 * path the page asked for), failure is a 401 problem, sign-out a 204. Each is audited.
 */
@Component
class SignInResponses {

	private final AuditLog audit;

	private final SignIns signIns;

	private final ProblemResponses problems;

	private final JsonMapper json;

	private final RequestCache requestCache = pagesOnly();

	SignInResponses(AuditLog audit, SignIns signIns, ProblemResponses problems, JsonMapper json) {
		this.audit = audit;
		this.signIns = signIns;
		this.problems = problems;
		this.json = json;
	}

	RequestCache requestCache() {
		return requestCache;
	}

	/**
	 * Remembers only a browser's page request (such as an SSO client's authorize request) to continue
	 * with after sign-in; API calls, which the app makes in the background, are never a place to go.
	 */
	static RequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& !request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
				&& !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
		return cache;
	}

	AuthenticationSuccessHandler success() {
		return (request, response, authentication) -> {
			CampusUser user = (CampusUser) authentication.getPrincipal();
			String ip = request.getRemoteAddr();
			String userAgent = request.getHeader("User-Agent");
			boolean newDevice = !KnownDevice.of(request);
			// written with the sign-in filter's own records, in one transaction (or now without the filter)
			SignInAttempt.record(request, () -> signIns.signedIn(user, ip, userAgent, newDevice));
			var saved = requestCache.getRequest(request, response);
			requestCache.removeRequest(request, response);
			String redirect = saved != null ? pathOf(saved.getRedirectUrl()) : safeRelative(request.getParameter("redirect"));
			issueNextCsrfToken(request);
			response.setStatus(HttpStatus.OK.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getWriter(), Map.of("redirect", redirect));
		};
	}

	/**
	 * Sign-in rotates the CSRF token (the old one is cleared, the next one is made only when asked for).
	 * Asking for it here writes the new {@code XSRF-TOKEN} cookie with this answer, so the app's next change
	 * needs no {@code GET /api/v1/csrf} first: one request less per sign-in.
	 */
	static void issueNextCsrfToken(HttpServletRequest request) {
		if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			token.getToken();
		}
	}

	AuthenticationFailureHandler failure() {
		return (request, response, ex) -> {
			String username = request.getParameter("username");
			audit.record(new AuditEntry(username == null ? null : truncate(username), "auth.sign-in-failed", null,
					Map.of("reason", ex instanceof BadCredentialsException ? "bad-credentials" : "account-unavailable"),
					request.getRemoteAddr()));
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "auth.bad-credentials");
		};
	}

	LogoutSuccessHandler signedOut() {
		return (request, response, authentication) -> {
			if (authentication != null) {
				audit.record(new AuditEntry(authentication.getName(), "auth.sign-out", null, null,
						request.getRemoteAddr()));
			}
			response.setStatus(HttpStatus.NO_CONTENT.value());
		};
	}

	/** The saved request as a path on this site (it was a request to this site), so the page can follow it. */
	static String pathOf(String url) {
		java.net.URI uri = java.net.URI.create(url);
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		return safeRelative(path);
	}

	/** Only a path on this site: starts with one slash, no scheme, no backslash tricks. */
	static String safeRelative(String target) {
		if (target == null || !target.startsWith("/") || target.startsWith("//") || target.contains("\\")
				|| target.contains("\r") || target.contains("\n") || target.startsWith("/login")) {
			return "/";
		}
		return target;
	}

	private static String truncate(String value) {
		return value.length() > 64 ? value.substring(0, 64) : value;
	}
}
