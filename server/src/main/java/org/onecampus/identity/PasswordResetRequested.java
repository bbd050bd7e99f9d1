package org.onecampus.identity;

import java.util.UUID;

/**
 * Someone asked to reset a forgotten password and a code was made for a real account. Carries no
 * code: a listener that sends the code asks {@link PasswordResets#codeFor(UUID)} for it, once.
 *
 * @param requestId the reset request
 * @param personId the person whose password it is
 * @param username the account's username
 * @param channel {@code email} or {@code sms}
 * @param minutes how long the code stays valid
 */
public record PasswordResetRequested(UUID requestId, UUID personId, String username, String channel, int minutes) {
}
