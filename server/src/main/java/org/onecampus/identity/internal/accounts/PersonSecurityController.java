package org.onecampus.identity.internal.accounts;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.SecondFactorReset;
import org.onecampus.identity.internal.accounts.AccountSessions.ActiveSession;
import org.onecampus.identity.internal.accounts.SignInHistory.SignInEvent;
import org.onecampus.identity.internal.mfa.SecondFactors;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.identity.internal.protection.AccountThrottles;
import org.onecampus.identity.internal.protection.AccountThrottles.AccountThrottle;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's view of a person's account security (a lost phone, a shared computer, a
 * locked-out user): active sessions with ending one or all, the sign-in history, resetting the
 * second factor and lifting a sign-in throttle. Administrators limited to part of the org tree act
 * only on people with an affiliation inside it; everyone else is answered as not found.
 */
@RestController
class PersonSecurityController {

	static final String MANAGE = "identity:session:manage";

	private final AccountSessions sessions;

	private final SignInHistory history;

	private final SecondFactors secondFactors;

	private final AccountThrottles throttles;

	private final AdminScope scopes;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PersonSecurityController(AccountSessions sessions, SignInHistory history, SecondFactors secondFactors,
			AccountThrottles throttles, AdminScope scopes, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.sessions = sessions;
		this.history = history;
		this.secondFactors = secondFactors;
		this.throttles = throttles;
		this.scopes = scopes;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param throttle the sign-in throttle on the account; null when none
	 */
	record AccountSecurity(String username, boolean enabled, boolean mustChangePassword, boolean secondFactor,
			int recoveryCodesLeft, AccountThrottle throttle) {
	}

	@GetMapping("/api/v1/identity/people/{personId}/security")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	AccountSecurity security(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId) {
		Account account = account(user, personId);
		return new AccountSecurity(account.username(), account.enabled(), account.mustChange(),
				secondFactors.enabled(account.id()), secondFactors.recoveryCodesLeft(account.id()),
				throttles.of(account.username()).orElse(null));
	}

	@GetMapping("/api/v1/identity/people/{personId}/sessions")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	List<ActiveSession> sessions(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId) {
		return sessions.of(account(user, personId).id(), null);
	}

	@DeleteMapping("/api/v1/identity/people/{personId}/sessions/{id}")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	ResponseEntity<Void> end(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId,
			@PathVariable String id) {
		sessions.end(account(user, personId).id(), id);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/identity/people/{personId}/sessions")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	ResponseEntity<Void> endAll(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId) {
		sessions.endAll(account(user, personId).id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/identity/people/{personId}/sign-ins")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	Page<SignInEvent> signIns(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId,
			@Valid PageQuery paging) {
		return history.of(account(user, personId).username(), paging);
	}

	/** Removes the second factor and recovery codes; the person is told through a security notice. */
	@DeleteMapping("/api/v1/identity/people/{personId}/second-factor")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	@Transactional
	ResponseEntity<Void> resetSecondFactor(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId) {
		Account account = account(user, personId);
		if (!secondFactors.reset(account.id())) {
			throw PlatformException.conflict("identity.mfa.not-enabled");
		}
		events.publishEvent(new SecondFactorReset(account.id(), personId, account.username(), user.getUsername(),
				clock.instant()));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/identity/people/{personId}/throttle")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	ResponseEntity<Void> liftThrottle(@AuthenticationPrincipal CampusUser user, @PathVariable UUID personId) {
		if (!throttles.lift(account(user, personId).username())) {
			throw new PlatformException(HttpStatus.CONFLICT, "identity.throttle.none");
		}
		return ResponseEntity.noContent().build();
	}

	private record Account(UUID id, String username, boolean enabled, boolean mustChange) {
	}

	/** The person's account when the person is in the caller's scope; 404 otherwise. */
	private Account account(CampusUser user, UUID personId) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		return scope.bind(jdbc.sql("""
				select a.id, a.username, a.enabled, a.must_change_password from identity_account a
				where a.person_id = :p and\s""" + scope.personCondition("a.person_id")).param("p", personId))
			.query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getBoolean("enabled"), rs.getBoolean("must_change_password")))
			.optional().orElseThrow(() -> PlatformException.notFound("person", personId));
	}
}
