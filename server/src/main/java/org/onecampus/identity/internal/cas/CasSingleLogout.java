package org.onecampus.identity.internal.cas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.internal.sso.LogoutDeliveries;
import org.onecampus.identity.internal.sso.LogoutDeliveries.Message;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * CAS single logout: when a platform session ends (sign-out, {@code /cas/logout}, an expired
 * ticket-granting ticket), every service that validated a ticket of it gets a SAML
 * {@code LogoutRequest} naming that ticket, delivered back-channel with retries.
 */
@Component
class CasSingleLogout {

	private final CasTickets tickets;

	private final LogoutDeliveries deliveries;

	private final AuditLog audit;

	CasSingleLogout(CasTickets tickets, LogoutDeliveries deliveries, AuditLog audit) {
		this.tickets = tickets;
		this.deliveries = deliveries;
		this.audit = audit;
	}

	/** Signing out of the platform ends the session's ticket-granting tickets. */
	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String sessionId = request.getRequestedSessionId();
			if (sessionId != null) {
				tickets.activeOfSession(sessionId).forEach(tgt -> end(tgt, event.getAuthentication().getName()));
			}
		}
	}

	/** Ends one ticket-granting ticket and sends the logout requests. */
	void end(String tgtId, String username) {
		if (!tickets.end(tgtId)) {
			return;
		}
		List<CasTickets.UsedService> used = tickets.usedServices(tgtId);
		deliveries.send(used.stream()
			.map(s -> new Message(s.appId(), "CAS", s.service(), "logoutRequest", logoutRequest(s.ticket()), username))
			.toList());
		audit.record(new AuditEntry(username, "sso.cas.single-logout", null,
				Map.of("services", used.stream().map(CasTickets.UsedService::service).distinct().toList()), null));
	}

	static String logoutRequest(String serviceTicket) {
		return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" "
				+ "xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"LR-" + UUID.randomUUID()
				+ "\" Version=\"2.0\" IssueInstant=\"" + Instant.now() + "\"><saml:NameID>@NOT_USED@</saml:NameID>"
				+ "<samlp:SessionIndex>" + HtmlUtils.htmlEscape(serviceTicket) + "</samlp:SessionIndex></samlp:LogoutRequest>";
	}
}
