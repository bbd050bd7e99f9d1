package org.onecampus.identity.internal.people;

import java.util.List;
import java.util.Map;

import org.onecampus.identity.PersonAffiliationChanged;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an affiliation ends and the person's account was disabled for it, the person's browser
 * sessions end too, so access narrows at once and not when the session would have expired.
 */
@Component
class DisabledAccountSessions {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	DisabledAccountSessions(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(PersonAffiliationChanged event) {
		if ("ACTIVE".equals(event.status())) {
			return;
		}
		List<String> ended = jdbc.sql("""
				delete from kernel_session where principal_name in (
				  select username from identity_account where person_id = :p and not enabled)
				returning principal_name""").param("p", event.personId()).query(String.class).list();
		ended.stream().distinct().forEach(username -> audit.record(new AuditEntry("system",
				"identity.account.sessions-ended", "account:" + username, Map.of("sessions", ended.size()), null)));
	}
}
