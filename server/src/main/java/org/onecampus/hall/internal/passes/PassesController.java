package org.onecampus.hall.internal.passes;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onecampus.kernel.web.PublicEndpoint;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Verifying scanned credentials: guards of 保卫处 ({@code hall:pass:verify}) check visitor passes; anyone may check
 * a certificate of enrolment (employers, embassies), learning only whether it is genuine and whose it is.
 */
@RestController
@Validated
class PassesController {

	private final Credentials credentials;

	PassesController(Credentials credentials) {
		this.credentials = credentials;
	}

	@GetMapping("/api/v1/hall/passes/verification")
	@PreAuthorize("hasAuthority('hall:pass:verify')")
	Credentials.Verification verify(@RequestParam @NotBlank @Size(max = 2000) String token) {
		return credentials.verify(token, Instant.now());
	}

	@GetMapping("/api/v1/hall/passes/certificates/verification")
	@PublicEndpoint
	CertificateCheck verifyCertificate(@RequestParam @NotBlank @Size(max = 2000) String token) {
		Credentials.Verification v = credentials.verify(token, Instant.now());
		if (v.kind() != null && !Credentials.CERTIFICATE.equals(v.kind())) {
			return new CertificateCheck(false, "UNKNOWN", null, null, null);
		}
		return new CertificateCheck(v.valid(), v.reason(), v.holderName(), v.validFrom(), v.validTo());
	}

	record CertificateCheck(boolean valid, String reason, String holderName, Instant issuedAt, Instant validTo) {
	}
}
