package org.onecampus.identity.internal.recovery;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forgotten password, for people who cannot sign in: ask for a code by e-mail or SMS, then set a new
 * password with it. Both answers are the same whether or not the login exists.
 */
@RestController
@RequestMapping("/api/v1/identity/password-resets")
class PasswordResetController {

	private final PasswordResetRequests requests;

	PasswordResetController(PasswordResetRequests requests) {
		this.requests = requests;
	}

	/** Body {@code {"login": "stu001", "channel": "email"}}; 202 {@code {"id": …, "expiresInMinutes": 10}}. */
	@PostMapping
	@PublicEndpoint
	ResponseEntity<Map<String, Object>> request(@RequestBody ResetRequest body, HttpServletRequest request) {
		UUID id = requests.request(body.login(), body.channel(), request.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("id", id, "expiresInMinutes", PasswordResetRequests.VALID.toMinutes()));
	}

	/** Body {@code {"code": "123456", "newPassword": "…"}}; 204 when the password is set. */
	@PostMapping("/{id}/completion")
	@PublicEndpoint
	ResponseEntity<Void> complete(@PathVariable UUID id, @RequestBody Completion body, HttpServletRequest request) {
		requests.complete(id, body.code(), body.newPassword(), request.getRemoteAddr());
		return ResponseEntity.noContent().build();
	}

	record ResetRequest(String login, String channel) {
	}

	record Completion(String code, String newPassword) {
	}
}
