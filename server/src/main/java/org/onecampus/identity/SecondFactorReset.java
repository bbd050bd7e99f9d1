package org.onecampus.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An administrator removed a person's second factor (authenticator secret and recovery codes), so
 * the person signs in with the password alone until they enrol again.
 *
 * @param accountId the account
 * @param personId the person, to be told
 * @param username the account's username
 * @param by the administrator's username
 * @param at when
 */
public record SecondFactorReset(UUID accountId, UUID personId, String username, String by, Instant at) {
}
