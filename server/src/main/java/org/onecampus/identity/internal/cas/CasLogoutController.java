package org.onecampus.identity.internal.cas;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /cas/logout}: ends the platform session and, through {@link CasSingleLogout}, the session of
 * every service that used it; then returns to {@code service} if it is registered, else to the login page.
 */
@RestController
class CasLogoutController {

	private final CasTickets tickets;

	private final CasSingleLogout singleLogout;

	private final SsoApps apps;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	CasLogoutController(CasTickets tickets, CasSingleLogout singleLogout, SsoApps apps, ApplicationEventPublisher events,
			AuditLog audit) {
		this.tickets = tickets;
		this.singleLogout = singleLogout;
		this.apps = apps;
		this.events = events;
		this.audit = audit;
	}

	@GetMapping("/cas/logout")
	@PublicEndpoint
	ResponseEntity<Void> logout(@RequestParam(required = false) String service, HttpServletRequest request,
			HttpServletResponse response) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.isAuthenticated()) {
			String username = authentication.getName();
			tickets.activeOfSession(session.getId()).forEach(tgt -> singleLogout.end(tgt, username));
			audit.record("auth.sign-out", null, Map.of("via", "cas"));
			new SecurityContextLogoutHandler().logout(request, response, authentication);
			events.publishEvent(new LogoutSuccessEvent(authentication));
		}
		boolean registered = service != null && apps.forService(service).isPresent();
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(registered ? service : "/login")).build();
	}
}
