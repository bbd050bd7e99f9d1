package org.onecampus.identity.internal.mfa;

import java.util.List;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.mfa.SecondFactors.Enrolment;
import org.onecampus.identity.internal.mfa.SecondFactors.Status;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's second factor: status, TOTP enrolment and confirmation, recovery codes, removal. */
@RestController
class SecondFactorController {

	static final String BASE = "/api/v1/identity/account/mfa";

	private final SecondFactors factors;

	SecondFactorController(SecondFactors factors) {
		this.factors = factors;
	}

	@GetMapping(BASE)
	@PreAuthorize("isAuthenticated()")
	Status status(@AuthenticationPrincipal CampusUser user) {
		return factors.status(user.accountId());
	}

	/** Starts (or restarts) enrolment: a new secret with its otpauth URI and QR code. */
	@PostMapping(BASE + "/totp")
	@PreAuthorize("isAuthenticated()")
	@ResponseStatus(HttpStatus.CREATED)
	Enrolment enrol(@AuthenticationPrincipal CampusUser user) {
		return factors.start(user);
	}

	@PostMapping(BASE + "/totp/confirmation")
	@PreAuthorize("isAuthenticated()")
	RecoveryCodes confirm(@AuthenticationPrincipal CampusUser user, @RequestBody Code code,
			jakarta.servlet.http.HttpServletRequest request) {
		RecoveryCodes codes = new RecoveryCodes(factors.confirm(user, code.code()));
		// A confirmed enrolment is a right TOTP code entered now: this session has its second factor.
		AuthenticationLevels.secondFactorEntered(request);
		return codes;
	}

	@PostMapping(BASE + "/recovery-codes")
	@PreAuthorize("isAuthenticated()")
	RecoveryCodes renew(@AuthenticationPrincipal CampusUser user, @RequestBody Code code) {
		return new RecoveryCodes(factors.regenerateRecoveryCodes(user, code.code()));
	}

	@PostMapping(BASE + "/totp/removal")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> disable(@AuthenticationPrincipal CampusUser user, @RequestBody Code code) {
		factors.disable(user, code.code());
		return ResponseEntity.noContent().build();
	}

	record Code(String code) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}
}
