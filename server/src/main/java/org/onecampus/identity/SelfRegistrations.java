package org.onecampus.identity;

import java.util.Optional;
import java.util.UUID;

/** Self-registration codes for the module that delivers them by SMS. */
public interface SelfRegistrations {

	/**
	 * The phone number and code of a registration request, handed out once: afterwards only the code's
	 * hash remains.
	 * @param requestId the request from {@link SelfRegistrationCodeRequested}
	 * @return the number and the 6-digit code, or empty when handed out before, expired, used, a decoy or unknown
	 */
	Optional<CodeToSend> codeFor(UUID requestId);

	/**
	 * @param phone the mobile number to send the code to; not null
	 * @param code the 6-digit code; not null
	 */
	record CodeToSend(String phone, String code) {
	}
}
