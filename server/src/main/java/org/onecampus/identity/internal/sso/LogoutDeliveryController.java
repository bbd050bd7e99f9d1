package org.onecampus.identity.internal.sso;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/identity/logout-deliveries}: how back-channel logout went, per app and message. */
@RestController
class LogoutDeliveryController {

	private final LogoutDeliveries deliveries;

	LogoutDeliveryController(LogoutDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping("/api/v1/identity/logout-deliveries")
	@PreAuthorize("hasAuthority('identity:app:manage')")
	List<LogoutDeliveries.Delivery> recent(@RequestParam(required = false) UUID appId) {
		return deliveries.recent(appId, 100);
	}
}
