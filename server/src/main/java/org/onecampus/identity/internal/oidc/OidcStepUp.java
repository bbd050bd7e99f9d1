package org.onecampus.identity.internal.oidc;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.kernel.audit.AuditLog;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a signed-in browser whose sign-in had no second factor from the authorization endpoint of an
 * app that requires one to the step-up page, which continues with the same authorization request
 * afterwards. {@link AuthorizationPolicy} refuses such a request anyway, so no code is ever issued
 * without the second factor; this filter only makes the way there a page instead of an error. An app that
 * asked for no interaction ({@code prompt=none}) gets {@code error=interaction_required} at its registered
 * redirect URI instead of the page.
 */
final class OidcStepUp extends OncePerRequestFilter {

	private final RegisteredClientRepository clients;

	private final SsoApps apps;

	private final AuditLog audit;

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	OidcStepUp(RegisteredClientRepository clients, SsoApps apps, AuditLog audit) {
		this.clients = clients;
		this.apps = apps;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod())
				|| !request.getRequestURI().equals(request.getContextPath() + "/oauth2/authorize")
				|| request.getParameter("client_id") == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (user == null || !trust.isAuthenticated(user) || AuthenticationLevels.hasSecondFactor(user)) {
			chain.doFilter(request, response);
			return;
		}
		RegisteredClient client = clients.findByClientId(request.getParameter("client_id"));
		Optional<SsoApp> app = Optional.ofNullable(client)
			.map(RegisteredClient::getId)
			.flatMap(id -> apps.byId(UUID.fromString(id)))
			.filter(a -> a.enabled() && a.requiresSecondFactor());
		if (app.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (promptNone(request)) {
			// The app asked not to show any page: tell it that the person has to interact (OIDC Core 3.1.2.6).
			String redirectUri = registeredRedirectUri(client, request.getParameter("redirect_uri"));
			if (redirectUri == null) {
				chain.doFilter(request, response); // not a redirect URI of this app: the authorization server refuses it
				return;
			}
			audit.record("sso.oidc.refused", "app:" + app.get().code(),
					Map.of("reason", "second-factor-required", "prompt", "none"));
			UriComponentsBuilder back = UriComponentsBuilder.fromUriString(redirectUri)
				.queryParam("error", "interaction_required")
				.queryParam("error_description", "{description}");
			String state = request.getParameter("state");
			if (state != null) {
				back.queryParam("state", "{state}");
			}
			response.sendRedirect(back.encode()
				.buildAndExpand(Map.of("description", "A second factor is required", "state", state == null ? "" : state))
				.toUriString());
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(AuthenticationLevels.CONTINUE_ATTRIBUTE,
				request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		session.setAttribute(AuthenticationLevels.APP_ATTRIBUTE, app.get().name());
		audit.record("sso.step-up-required", "app:" + app.get().code(), Map.of("protocol", "oidc"));
		response.sendRedirect(request.getContextPath() + "/step-up");
	}

	private static boolean promptNone(HttpServletRequest request) {
		String prompt = request.getParameter("prompt");
		return prompt != null && java.util.Arrays.asList(prompt.trim().split("\\s+")).contains("none");
	}

	/** @return the request's redirect URI if the client registered it (or the only one, when absent); else null */
	private static String registeredRedirectUri(RegisteredClient client, String requested) {
		if (requested == null) {
			return client.getRedirectUris().size() == 1 ? client.getRedirectUris().iterator().next() : null;
		}
		return client.getRedirectUris().contains(requested) ? requested : null;
	}
}
