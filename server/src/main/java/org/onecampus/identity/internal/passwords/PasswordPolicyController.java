package org.onecampus.identity.internal.passwords;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The password policy on the administrators' policies page: read it (with the configuration's
 * defaults beside it), try a password against a policy before saving it, and save it. Saving names
 * the version that was read, so two administrators editing at once cannot overwrite each other.
 */
@RestController
@Validated
class PasswordPolicyController {

	static final String BASE = "/api/v1/identity/password-policy";

	private final PasswordPolicySettings settings;

	private final AuditLog audit;

	PasswordPolicyController(PasswordPolicySettings settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping(BASE)
	@PreAuthorize("hasAuthority('identity:policy:read')")
	PolicyView read() {
		return view(settings.load().orElse(null));
	}

	@PutMapping(BASE)
	@PreAuthorize("hasAuthority('identity:policy:write')")
	@Transactional
	PolicyView save(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody PolicyChange change) {
		Policy next = change.policy();
		checkConsistent(next);
		PasswordPolicyProperties before = settings.load().map(PasswordPolicySettings.Saved::policy)
			.orElse(settings.defaults());
		var saved = settings.save(next.toProperties(), change.version(), user.personId());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", saved.version());
		details.put("before", Policy.of(before));
		details.put("after", next);
		audit.record("identity.password-policy.changed", "policy:password", details);
		return view(saved);
	}

	/** Scores a sample password against the proposed policy (no person's own facts are involved). */
	@PostMapping(BASE + "/trial")
	@PreAuthorize("hasAuthority('identity:policy:read')")
	Trial trial(@Valid @RequestBody TrialRequest request) {
		checkConsistent(request.policy());
		var assessment = new PasswordPolicy(request.policy().toProperties()).assess(request.password(),
				PersonalFacts.ofUsername(""));
		return new Trial(assessment.score(), assessment.acceptable(),
				assessment.problems().stream().map(PasswordProblem::code).toList());
	}

	private PolicyView view(PasswordPolicySettings.Saved saved) {
		PasswordPolicyProperties defaults = settings.defaults();
		if (saved == null) {
			return new PolicyView(Policy.of(defaults), Policy.of(defaults), 0, false, null, null);
		}
		return new PolicyView(Policy.of(saved.policy()), Policy.of(defaults), saved.version(), true, saved.updatedAt(),
				saved.updatedBy());
	}

	/** Rules that need two fields at once; bean validation has checked each field's range. */
	private static void checkConsistent(Policy policy) {
		List<FieldProblem> problems = new ArrayList<>();
		if (policy.maxLength() < policy.minLength()) {
			problems.add(new FieldProblem("policy.maxLength", "identity.password-policy.max-below-min"));
		}
		if (policy.weakScore() > policy.minScore()) {
			// A password the change page accepts must never be reported weak at its next sign-in.
			problems.add(new FieldProblem("policy.weakScore", "identity.password-policy.weak-above-min"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	record Policy(@Min(8) @Max(64) int minLength, @Min(16) @Max(1024) int maxLength, @Min(1) @Max(4) int minClasses,
			@Min(0) @Max(24) int history, @Min(0) @Max(3650) int maxAgeDays, @Min(0) @Max(4) int minScore,
			@Min(0) @Max(4) int weakScore) {

		static Policy of(PasswordPolicyProperties p) {
			return new Policy(p.minLength(), p.maxLength(), p.minClasses(), p.history(), p.maxAgeDays(), p.minScore(),
					p.weakScore());
		}

		PasswordPolicyProperties toProperties() {
			return new PasswordPolicyProperties(minLength, maxLength, minClasses, history, maxAgeDays, minScore, weakScore);
		}
	}

	/**
	 * @param version the version that was read (0 while the configuration's policy applies)
	 */
	record PolicyChange(@NotNull @Valid Policy policy, @Min(0) int version) {
	}

	record TrialRequest(@NotNull @Valid Policy policy, @NotNull @Size(max = 256) String password) {
	}

	record Trial(int score, boolean acceptable, List<String> problems) {
	}

	/**
	 * @param saved whether an administrator saved a policy (false: the configuration's applies)
	 */
	record PolicyView(Policy policy, Policy defaults, int version, boolean saved, Instant updatedAt, UUID updatedBy) {
	}
}
