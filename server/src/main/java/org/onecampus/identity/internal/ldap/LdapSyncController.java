package org.onecampus.identity.internal.ldap;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Starts a directory sync by hand (the scheduled one runs on {@code onecampus.identity.ldap.cron}). */
@RestController
class LdapSyncController {

	private final LdapSync sync;

	LdapSyncController(LdapSync sync) {
		this.sync = sync;
	}

	@PostMapping("/api/v1/identity/ldap-syncs")
	@PreAuthorize("hasAuthority('identity:directory:sync')")
	LdapSync.Report run() {
		return sync.run();
	}
}
