package org.onecampus.identity.internal.passwords;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onecampus.identity.CampusUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's password: the policy the page shows, the live check behind the strength
 * meter, and the change itself. These stay reachable while a change is required.
 */
@RestController
class PasswordController {

	static final String BASE = "/api/v1/identity/account/password";

	private final PasswordChanges changes;

	private final PasswordPolicy policy;

	private final PasswordRecords records;

	PasswordController(PasswordChanges changes, PasswordPolicy policy, PasswordRecords records) {
		this.changes = changes;
		this.policy = policy;
		this.records = records;
	}

	@GetMapping(BASE)
	@PreAuthorize("isAuthenticated()")
	PasswordStatus status(@AuthenticationPrincipal CampusUser user) {
		var properties = policy.properties();
		var state = records.state(user.accountId()).orElseThrow();
		var expiresAt = properties.maxAgeDays() > 0
				? state.changedAt().plus(java.time.Duration.ofDays(properties.maxAgeDays())) : null;
		return new PasswordStatus(state.mustChange(), state.changedAt(), expiresAt,
				new Policy(properties.minLength(), properties.maxLength(), properties.minClasses(), properties.history(),
						properties.maxAgeDays(), properties.minScore()));
	}

	@PostMapping(BASE + "/check")
	@PreAuthorize("isAuthenticated()")
	CheckResult check(@AuthenticationPrincipal CampusUser user, @Validated @RequestBody Candidate candidate) {
		PasswordAssessment assessment = changes.check(user, candidate.password());
		return new CheckResult(assessment.score(), assessment.guessesLog10(), assessment.acceptable(),
				assessment.problems().stream().map(PasswordProblem::code).toList());
	}

	@PutMapping(BASE)
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> change(@AuthenticationPrincipal CampusUser user, @RequestBody Change change,
			HttpServletRequest request) {
		var session = request.getSession(false);
		changes.change(user, change.currentPassword(), change.newPassword(), session == null ? null : session.getId());
		return ResponseEntity.noContent().build();
	}

	record Candidate(@NotNull @Size(max = 256) String password) {
	}

	record CheckResult(int score, double guessesLog10, boolean acceptable, List<String> problems) {
	}

	record Change(String currentPassword, String newPassword) {
	}

	record Policy(int minLength, int maxLength, int minClasses, int history, int maxAgeDays, int minScore) {
	}

	record PasswordStatus(boolean mustChange, java.time.Instant changedAt, java.time.Instant expiresAt, Policy policy) {
	}
}
