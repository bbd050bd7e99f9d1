package org.onecampus.identity.internal.cas;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ticket lifetimes ({@code onecampus.sso.cas.*}): service and proxy tickets are short-lived and
 * single-use; a ticket-granting ticket ends after an idle time without use or at a hard limit.
 */
@Component
class CasSettings {

	final Duration serviceTicketTtl;

	final Duration tgtIdle;

	final Duration tgtHard;

	final Duration pgtTtl;

	CasSettings(@Value("${onecampus.sso.cas.service-ticket-ttl:PT10S}") Duration serviceTicketTtl,
			@Value("${onecampus.sso.cas.tgt-idle-timeout:PT2H}") Duration tgtIdle,
			@Value("${onecampus.sso.cas.tgt-hard-timeout:PT8H}") Duration tgtHard,
			@Value("${onecampus.sso.cas.pgt-ttl:PT2H}") Duration pgtTtl) {
		this.serviceTicketTtl = serviceTicketTtl;
		this.tgtIdle = tgtIdle;
		this.tgtHard = tgtHard;
		this.pgtTtl = pgtTtl;
	}
}
