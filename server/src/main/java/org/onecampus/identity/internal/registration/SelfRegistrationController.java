package org.onecampus.identity.internal.registration;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.internal.passwords.PasswordAssessment;
import org.onecampus.identity.internal.passwords.PasswordProblem;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-registration of visitors and parents, for people without an account: a code for a phone
 * number, the code back, then the details. The first answer is the same whether or not the phone
 * belongs to someone.
 */
@RestController
@RequestMapping("/api/v1/identity/self-registrations")
class SelfRegistrationController {

	private final SelfRegistrationRequests requests;

	SelfRegistrationController(SelfRegistrationRequests requests) {
		this.requests = requests;
	}

	/** Whether registration is open and how long a registration lasts, for the login page and the form. */
	@GetMapping("/settings")
	@PublicEndpoint
	Settings settings() {
		var properties = requests.properties();
		return new Settings(properties.enabled(), properties.validity().visitor().toDays(),
				properties.validity().parent().toDays());
	}

	/** Body {@code {"phone": "13800138000"}}; 202 {@code {"id": …, "expiresInMinutes": 10}}. */
	@PostMapping
	@PublicEndpoint
	ResponseEntity<Map<String, Object>> request(@RequestBody CodeRequest body, HttpServletRequest request) {
		UUID id = requests.request(body.phone(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", id, "expiresInMinutes", SelfRegistrationRequests.VALID.toMinutes()));
	}

	/** Body {@code {"code": "123456"}}; 204 when the code is right. */
	@PostMapping("/{id}/verification")
	@PublicEndpoint
	ResponseEntity<Void> verify(@PathVariable UUID id, @RequestBody Code body, HttpServletRequest request) {
		requests.verify(id, body.code(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	/** The strength meter for a verified request. */
	@PostMapping("/{id}/password-check")
	@PublicEndpoint
	CheckResult check(@PathVariable UUID id, @RequestBody Candidate body) {
		PasswordAssessment assessment = requests.assess(id, body.password(), body.idCard());
		return new CheckResult(assessment.score(), assessment.guessesLog10(), assessment.acceptable(),
				assessment.problems().stream().map(PasswordProblem::code).toList());
	}

	/** The details; 201 {@code {"outcome": "CREATED"|"RENEWED", "kind": …, "validUntil": …}}. */
	@PostMapping("/{id}/completion")
	@PublicEndpoint
	ResponseEntity<SelfRegistrationRequests.Completed> complete(@PathVariable UUID id,
			@RequestBody SelfRegistrationRequests.Details body, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(requests.complete(id, body, request.getRemoteAddr()));
	}

	record Settings(boolean enabled, long visitorDays, long parentDays) {
	}

	record CodeRequest(String phone) {
	}

	record Code(String code) {
	}

	record Candidate(String password, String idCard) {
	}

	record CheckResult(int score, double guessesLog10, boolean acceptable, List<String> problems) {
	}
}
