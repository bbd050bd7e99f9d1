package org.onecampus.identity.internal.accounts;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.accounts.AccountSessions.ActiveSession;
import org.onecampus.identity.internal.accounts.SignInHistory.SignInEvent;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's own sessions and sign-in history. */
@RestController
class MyAccountController {

	private final AccountSessions sessions;

	private final SignInHistory history;

	MyAccountController(AccountSessions sessions, SignInHistory history) {
		this.sessions = sessions;
		this.history = history;
	}

	@GetMapping("/api/v1/identity/account/sessions")
	@PreAuthorize("isAuthenticated()")
	List<ActiveSession> sessions(@AuthenticationPrincipal CampusUser user, HttpServletRequest request) {
		var session = request.getSession(false);
		return sessions.of(user.accountId(), session == null ? null : session.getId());
	}

	@DeleteMapping("/api/v1/identity/account/sessions/{id}")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<Void> end(@AuthenticationPrincipal CampusUser user, @PathVariable String id) {
		sessions.end(user.accountId(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/identity/account/sign-ins")
	@PreAuthorize("isAuthenticated()")
	Page<SignInEvent> signIns(@AuthenticationPrincipal CampusUser user, @Valid PageQuery paging) {
		return history.of(user.getUsername(), paging);
	}
}
