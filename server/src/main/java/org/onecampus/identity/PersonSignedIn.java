package org.onecampus.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A person signed in with a password. Published in the transaction that records the sign-in, so
 * listeners in other modules (a new-device notice, statistics) get it exactly when it happened and,
 * through the event publication registry, even across a restart.
 *
 * @param accountId the account
 * @param personId the person
 * @param username the account's username
 * @param ip the client address; may be null
 * @param userAgent the browser's user agent; may be null
 * @param at when
 * @param newDevice whether the browser carried no device cookie for this login, so it is a device
 * (or browser) this account has not signed in from before
 */
public record PersonSignedIn(UUID accountId, UUID personId, String username, String ip, String userAgent, Instant at,
		boolean newDevice) {
}
