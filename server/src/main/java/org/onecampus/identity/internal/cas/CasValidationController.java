package org.onecampus.identity.internal.cas;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.internal.apps.SsoApp;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.apps.SsoApps;
import org.onecampus.identity.internal.cas.CasResponses.Success;
import org.onecampus.identity.internal.cas.CasTickets.Ticket;
import org.onecampus.identity.internal.sso.SsoPerson;
import org.onecampus.identity.internal.sso.SsoPersons;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.web.PublicEndpoint;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticket validation for CAS clients (server to server, no session): CAS 1 {@code /cas/validate},
 * CAS 2 {@code /cas/serviceValidate} and {@code /cas/proxyValidate}, CAS 3 {@code /cas/p3/...} with the
 * attributes the app's registry entry releases, and {@code /cas/proxy} for proxy tickets. Every
 * validation, successful or not, is audited.
 */
@RestController
class CasValidationController {

	private final CasTickets tickets;

	private final SsoApps apps;

	private final SsoPersons persons;

	private final CasSettings settings;

	private final AuditLog audit;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	CasValidationController(CasTickets tickets, SsoApps apps, SsoPersons persons, CasSettings settings, AuditLog audit,
			JsonMapper json) {
		this.tickets = tickets;
		this.apps = apps;
		this.persons = persons;
		this.settings = settings;
		this.audit = audit;
		this.json = json;
	}

	/** CAS 1: {@code yes\nuser\n} or {@code no\n\n}. */
	@GetMapping(path = "/cas/validate", produces = MediaType.TEXT_PLAIN_VALUE)
	@PublicEndpoint
	String validate(@RequestParam(required = false) String ticket, @RequestParam(required = false) String service,
			@RequestParam(required = false) String renew, HttpServletRequest request) {
		Outcome outcome = check(ticket, service, renew != null && !"false".equals(renew), List.of("ST"), request);
		return outcome.failureCode() == null ? "yes\n" + outcome.person().username() + "\n" : "no\n\n";
	}

	@GetMapping("/cas/serviceValidate")
	@PublicEndpoint
	ResponseEntity<String> serviceValidate(@RequestParam Map<String, String> params, HttpServletRequest request) {
		return respond(params, List.of("ST"), false, request);
	}

	@GetMapping("/cas/proxyValidate")
	@PublicEndpoint
	ResponseEntity<String> proxyValidate(@RequestParam Map<String, String> params, HttpServletRequest request) {
		return respond(params, List.of("ST", "PT"), false, request);
	}

	@GetMapping("/cas/p3/serviceValidate")
	@PublicEndpoint
	ResponseEntity<String> serviceValidate3(@RequestParam Map<String, String> params, HttpServletRequest request) {
		return respond(params, List.of("ST"), true, request);
	}

	@GetMapping("/cas/p3/proxyValidate")
	@PublicEndpoint
	ResponseEntity<String> proxyValidate3(@RequestParam Map<String, String> params, HttpServletRequest request) {
		return respond(params, List.of("ST", "PT"), true, request);
	}

	/** A proxy ticket for {@code targetService}, from a proxy-granting ticket. */
	@GetMapping("/cas/proxy")
	@PublicEndpoint
	ResponseEntity<String> proxy(@RequestParam(required = false) String pgt,
			@RequestParam(required = false) String targetService, @RequestParam(required = false) String format) {
		boolean asJson = "JSON".equalsIgnoreCase(format);
		if (pgt == null || targetService == null) {
			return CasResponses.proxyFailure("INVALID_REQUEST", "pgt and targetService are required", asJson, json);
		}
		Optional<Ticket> granting = tickets.proxyGranting(pgt);
		if (granting.isEmpty()) {
			return CasResponses.proxyFailure("INVALID_TICKET", "Unknown or expired proxy-granting ticket", asJson, json);
		}
		Optional<SsoApp> target = apps.forService(targetService);
		if (target.isEmpty()) {
			return CasResponses.proxyFailure("UNAUTHORIZED_SERVICE", "The target service is not registered", asJson, json);
		}
		if (target.get().requiresSecondFactor() && !granting.get().hasSecondFactor()) {
			audit.record(new AuditEntry(granting.get().username(), "sso.cas.refused", "app:" + target.get().code(),
					Map.of("service", targetService, "reason", "second-factor-required"), null));
			return CasResponses.proxyFailure("UNAUTHORIZED_SERVICE", "The target service requires a second factor", asJson,
					json);
		}
		List<String> proxies = new java.util.ArrayList<>(granting.get().proxies());
		proxies.add(0, granting.get().service());
		String proxyTicket = tickets.issue("PT", granting.get().tgtId(), target.get().id(), targetService, false, proxies,
				granting.get().amr(), settings.serviceTicketTtl);
		audit.record(new AuditEntry(granting.get().username(), "sso.cas.ticket-issued", "app:" + target.get().code(),
				Map.of("kind", "PT", "service", targetService), null));
		return CasResponses.proxySuccess(proxyTicket, asJson, json);
	}

	private ResponseEntity<String> respond(Map<String, String> params, List<String> kinds, boolean withAttributes,
			HttpServletRequest request) {
		boolean asJson = "JSON".equalsIgnoreCase(params.get("format"));
		String renew = params.get("renew");
		Outcome outcome = check(params.get("ticket"), params.get("service"), renew != null && !"false".equals(renew),
				kinds, request);
		if (outcome.failureCode() != null) {
			return CasResponses.failure(outcome.failureCode(), outcome.description(), asJson, json);
		}
		String pgtIou = params.get("pgtUrl") == null ? null : proxyGrantingTicket(outcome, params.get("pgtUrl"));
		Map<String, Object> attributes = null;
		if (withAttributes) {
			attributes = new LinkedHashMap<>(outcome.person().attributes(outcome.app().releasedAttributes()));
			attributes.put("amr", outcome.ticket().amr());
			attributes.put("acr", outcome.ticket().hasSecondFactor() ? AuthenticationLevels.ACR_SECOND_FACTOR
					: AuthenticationLevels.ACR_PASSWORD);
		}
		return CasResponses.success(new Success(outcome.person().username(), attributes, pgtIou, outcome.ticket().proxies()),
				asJson, json);
	}

	private record Outcome(String failureCode, String description, Ticket ticket, SsoApp app, SsoPerson person) {

		static Outcome failed(String code, String description) {
			return new Outcome(code, description, null, null, null);
		}
	}

	private Outcome check(String ticketId, String service, boolean renew, List<String> kinds, HttpServletRequest request) {
		Outcome outcome = evaluate(ticketId, service, renew, kinds);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("service", String.valueOf(service));
		details.put("result", outcome.failureCode() == null ? "valid" : outcome.failureCode());
		audit.record(new AuditEntry(outcome.ticket() == null ? null : outcome.ticket().username(),
				"sso.cas.ticket-validated", outcome.app() == null ? null : "app:" + outcome.app().code(), details,
				request.getRemoteAddr()));
		return outcome;
	}

	private Outcome evaluate(String ticketId, String service, boolean renew, List<String> kinds) {
		if (ticketId == null || ticketId.isBlank() || service == null || service.isBlank()) {
			return Outcome.failed("INVALID_REQUEST", "ticket and service are required");
		}
		Optional<Ticket> consumed = tickets.consume(ticketId, kinds);
		if (consumed.isEmpty()) {
			String description = ticketId.startsWith("PT-") && !kinds.contains("PT")
					? "Proxy tickets are validated at /proxyValidate" : "Ticket " + ticketId + " not recognized";
			return Outcome.failed(ticketId.startsWith("PT-") && !kinds.contains("PT") ? "INVALID_TICKET_SPEC"
					: "INVALID_TICKET", description);
		}
		Ticket ticket = consumed.get();
		if (!ticket.service().equals(service)) {
			return new Outcome("INVALID_SERVICE", "The ticket was issued to another service", ticket, null, null);
		}
		if (renew && !ticket.renewed()) {
			return new Outcome("INVALID_TICKET_SPEC", "The ticket was not issued from a fresh sign-in", ticket, null, null);
		}
		Optional<SsoApp> app = apps.byId(ticket.appId()).filter(a -> a.acceptsService(service));
		if (app.isEmpty()) {
			return new Outcome("UNAUTHORIZED_SERVICE", "The service is not registered", ticket, null, null);
		}
		if (app.get().requiresSecondFactor() && !ticket.hasSecondFactor()) {
			return new Outcome("INVALID_TICKET", "The service requires a second factor", ticket, app.get(), null);
		}
		Optional<SsoPerson> person = persons.byUsername(ticket.username());
		if (person.isEmpty() || !person.get().mayUse(app.get().allowedAffiliations())) {
			return new Outcome("UNAUTHORIZED_SERVICE", "This account may not use the service", ticket, app.get(), null);
		}
		return new Outcome(null, null, ticket, app.get(), person.get());
	}

	/**
	 * Issues a proxy-granting ticket and hands it to the service's callback, as CAS requires: the
	 * callback must be a registered service URL and answer 200 to {@code ?pgtId=…&pgtIou=…}.
	 * @return the PGTIOU for the response, or null when the callback was not accepted
	 */
	private String proxyGrantingTicket(Outcome outcome, String pgtUrl) {
		if (apps.forService(pgtUrl).isEmpty()) {
			return null;
		}
		String pgt = tickets.issue("PGT", outcome.ticket().tgtId(), outcome.app().id(), pgtUrl, false,
				outcome.ticket().proxies(), outcome.ticket().amr(), settings.pgtTtl);
		String iou = CasTickets.newId("PGTIOU");
		try {
			String separator = pgtUrl.contains("?") ? "&" : "?";
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(pgtUrl + separator + "pgtId="
					+ pgt + "&pgtIou=" + iou)).timeout(Duration.ofSeconds(5)).GET().build(),
					HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200 ? iou : null;
		}
		catch (java.io.IOException | IllegalArgumentException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
