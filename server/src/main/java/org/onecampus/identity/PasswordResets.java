package org.onecampus.identity;

import java.util.Optional;
import java.util.UUID;

/** Forgotten-password codes for the module that delivers them. */
public interface PasswordResets {

	/**
	 * The code of a reset request, handed out once: afterwards only its hash remains.
	 * @param requestId the request from {@link PasswordResetRequested}
	 * @return the 6-digit code, or empty when it was handed out before, or the request expired, was used or is unknown
	 */
	Optional<String> codeFor(UUID requestId);
}
