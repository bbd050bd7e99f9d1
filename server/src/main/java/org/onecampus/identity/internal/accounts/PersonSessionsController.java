package org.onecampus.identity.internal.accounts;

import java.util.List;
import java.util.UUID;

import org.onecampus.identity.internal.accounts.AccountSessions.ActiveSession;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Administrators see a person's active sessions and end them (a lost phone, a shared computer). */
@RestController
class PersonSessionsController {

	private final AccountSessions sessions;

	private final JdbcClient jdbc;

	PersonSessionsController(AccountSessions sessions, JdbcClient jdbc) {
		this.sessions = sessions;
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/identity/people/{personId}/sessions")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	List<ActiveSession> sessions(@PathVariable UUID personId) {
		return sessions.of(accountOf(personId), null);
	}

	@DeleteMapping("/api/v1/identity/people/{personId}/sessions/{id}")
	@PreAuthorize("hasAuthority('identity:session:manage')")
	ResponseEntity<Void> end(@PathVariable UUID personId, @PathVariable String id) {
		sessions.end(accountOf(personId), id);
		return ResponseEntity.noContent().build();
	}

	private UUID accountOf(UUID personId) {
		return jdbc.sql("select id from identity_account where person_id = :p").param("p", personId).query(UUID.class)
			.optional().orElseThrow(() -> PlatformException.notFound("person", personId));
	}
}
