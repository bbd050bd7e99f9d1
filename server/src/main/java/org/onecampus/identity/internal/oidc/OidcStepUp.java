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

/**
 * Sends a signed-in browser whose sign-in had no second factor from the authorization endpoint of an
 * app that requires one to the step-up page, which continues with the same authorization request
 * afterwards. {@link AuthorizationPolicy} refuses such a request anyway, so no code is ever issued
 * without the second factor; this filter only makes the way there a page instead of an error.
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
		Optional<SsoApp> app = Optional.ofNullable(clients.findByClientId(request.getParameter("client_id")))
			.map(RegisteredClient::getId)
			.flatMap(id -> apps.byId(UUID.fromString(id)))
			.filter(a -> a.enabled() && a.requiresSecondFactor());
		if (app.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(AuthenticationLevels.CONTINUE_ATTRIBUTE,
				request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
		session.setAttribute(AuthenticationLevels.APP_ATTRIBUTE, app.get().name());
		audit.record("sso.step-up-required", "app:" + app.get().code(), Map.of("protocol", "oidc"));
		response.sendRedirect(request.getContextPath() + "/step-up");
	}
}
