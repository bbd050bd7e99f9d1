package org.onecampus.identity.internal.cas;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.sso.SsoPerson;
import org.onecampus.identity.internal.sso.SsoPersons;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /cas/login}: a signed-in browser goes back to the service with a service ticket; a browser
 * without a session is sent to the campus login page, which continues here afterwards. {@code renew}
 * asks for a fresh sign-in even with a session; {@code gateway} returns to the service without a
 * ticket instead of asking to sign in. Only registered services get tickets, only for persons with an
 * allowed affiliation.
 */
@RestController
class CasLoginController {

	/** The session id when a renewed sign-in was asked for; a different id afterwards means it happened. */
	static final String RENEW_ATTRIBUTE = CasLoginController.class.getName() + ".renew";

	private final SsoApps apps;

	private final SsoPersons persons;

	private final CasTickets tickets;

	private final CasSettings settings;

	private final CasSingleLogout singleLogout;

	private final AuditLog audit;

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	CasLoginController(SsoApps apps, SsoPersons persons, CasTickets tickets, CasSettings settings,
			CasSingleLogout singleLogout, AuditLog audit) {
		this.apps = apps;
		this.persons = persons;
		this.tickets = tickets;
		this.settings = settings;
		this.singleLogout = singleLogout;
		this.audit = audit;
	}

	@GetMapping("/cas/login")
	@PublicEndpoint
	ResponseEntity<Void> login(@RequestParam(required = false) String service,
			@RequestParam(required = false) String renew, @RequestParam(required = false) String gateway,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<SsoApp> app = Optional.empty();
		if (service != null) {
			app = apps.forService(service);
			if (app.isEmpty()) {
				audit.record("sso.cas.refused", null, Map.of("service", service, "reason", "service-not-registered"));
				throw new PlatformException(HttpStatus.FORBIDDEN, "sso.cas.service-not-registered", service);
			}
		}
		boolean wantsRenew = renew != null && !"false".equals(renew);
		CampusUser user = currentUser();
		HttpSession session = request.getSession(false);
		boolean renewed = false;
		if (user != null && wantsRenew) {
			Object askedIn = session == null ? null : session.getAttribute(RENEW_ATTRIBUTE);
			if (askedIn != null && !askedIn.equals(session.getId())) {
				renewed = true;
			}
			else {
				return toLoginPage(request, response, true);
			}
		}
		if (user != null && session != null) {
			Optional<CasTickets.Tgt> tgt = tickets.forSession(session.getId());
			if (tgt.isPresent() && tgt.get().expired()) {
				singleLogout.end(tgt.get().id(), tgt.get().username());
				request.getSession().invalidate();
				SecurityContextHolder.clearContext();
				user = null;
			}
		}
		if (user == null) {
			if (gateway != null && !"false".equals(gateway) && service != null) {
				return redirect(service);
			}
			return toLoginPage(request, response, wantsRenew);
		}
		if (app.isEmpty()) {
			return redirect("/");
		}
		SsoPerson person = persons.byUsername(user.getUsername()).orElse(null);
		if (person == null || !person.mayUse(app.get().allowedAffiliations())) {
			audit.record("sso.cas.refused", "app:" + app.get().code(), Map.of("service", service,
					"reason", "affiliation-not-allowed"));
			throw new PlatformException(HttpStatus.FORBIDDEN, "sso.app.affiliation-not-allowed", app.get().name());
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (app.get().requiresSecondFactor() && !AuthenticationLevels.hasSecondFactor(authentication)) {
			// The renewed sign-in (if one was asked for) stays recorded: the step-up continues here.
			HttpSession current = request.getSession();
			current.setAttribute(AuthenticationLevels.CONTINUE_ATTRIBUTE, "/cas/login?" + request.getQueryString());
			current.setAttribute(AuthenticationLevels.APP_ATTRIBUTE, app.get().name());
			audit.record("sso.step-up-required", "app:" + app.get().code(), Map.of("protocol", "cas", "service", service));
			return redirect("/step-up");
		}
		if (renewed) {
			request.getSession().removeAttribute(RENEW_ATTRIBUTE);
		}
		String sessionId = request.getSession().getId();
		CampusUser signedIn = user;
		String tgtId = tickets.forSession(sessionId).map(CasTickets.Tgt::id)
			.orElseGet(() -> tickets.createTgt(signedIn.accountId(), signedIn.getUsername(), sessionId));
		tickets.touch(tgtId);
		java.util.List<String> amr = AuthenticationLevels.amr(authentication);
		String ticket = tickets.issue("ST", tgtId, app.get().id(), service, renewed, java.util.List.of(), amr,
				settings.serviceTicketTtl);
		audit.record("sso.cas.ticket-issued", "app:" + app.get().code(),
				Map.of("kind", "ST", "service", service, "renewed", renewed, "amr", amr));
		return redirect(service + (service.contains("?") ? "&" : "?") + "ticket=" + ticket);
	}

	private ResponseEntity<Void> toLoginPage(HttpServletRequest request, HttpServletResponse response, boolean renew) {
		requestCache.saveRequest(request, response);
		if (renew) {
			request.getSession().setAttribute(RENEW_ATTRIBUTE, request.getSession().getId());
		}
		return redirect("/login");
	}

	private static CampusUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CampusUser user ? user : null;
	}

	private static ResponseEntity<Void> redirect(String location) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location)).build();
	}
}
