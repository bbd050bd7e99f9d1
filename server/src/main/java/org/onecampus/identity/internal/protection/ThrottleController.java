package org.onecampus.identity.internal.protection;

import java.util.List;
import java.util.UUID;

import org.onecampus.identity.internal.protection.LoginThrottles.Throttle;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see the sign-in throttles in force and lift them. */
@RestController
class ThrottleController {

	private final SignInProtection protection;

	ThrottleController(SignInProtection protection) {
		this.protection = protection;
	}

	@GetMapping("/api/v1/identity/throttles")
	@PreAuthorize("hasAuthority('identity:throttle:manage')")
	List<Throttle> throttles() {
		return protection.active();
	}

	@DeleteMapping("/api/v1/identity/throttles/{id}")
	@PreAuthorize("hasAuthority('identity:throttle:manage')")
	ResponseEntity<Void> lift(@PathVariable UUID id) {
		protection.lift(id);
		return ResponseEntity.noContent().build();
	}
}
