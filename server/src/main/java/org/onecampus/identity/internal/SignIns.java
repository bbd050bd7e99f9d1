package org.onecampus.identity.internal;

import java.time.Clock;
import java.util.Map;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.PersonSignedIn;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a successful sign-in: last sign-in time, the audit entry and the module event, in one transaction. */
@Service
class SignIns {

	private final Accounts accounts;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SignIns(Accounts accounts, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	void signedIn(CampusUser user, String ip, String userAgent, boolean newDevice) {
		accounts.signedIn(user.accountId());
		audit.record(new AuditEntry(user.getUsername(), "auth.sign-in", "account:" + user.accountId(),
				Map.of("userAgent", String.valueOf(userAgent), "newDevice", newDevice), ip));
		events.publishEvent(new PersonSignedIn(user.accountId(), user.personId(), user.getUsername(), ip, userAgent,
				clock.instant(), newDevice));
	}
}
