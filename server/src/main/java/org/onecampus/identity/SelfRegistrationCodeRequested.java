package org.onecampus.identity;

import java.util.UUID;

/**
 * Someone who wants to register as a visitor or parent asked for an SMS code for their phone number.
 * Carries neither the code nor the number: a listener that sends it asks
 * {@link SelfRegistrations#codeFor(UUID)} for both, once. Not published for decoy requests (a phone
 * that already belongs to a campus account).
 *
 * @param requestId the registration request
 * @param minutes how long the code stays valid
 */
public record SelfRegistrationCodeRequested(UUID requestId, int minutes) {
}
