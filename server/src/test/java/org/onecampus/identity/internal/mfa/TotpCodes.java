package org.onecampus.identity.internal.mfa;

import java.time.Instant;

/** Authenticator codes for tests outside this package, as a phone would show them. */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code for {@code secret} (Base32) {@code stepsAhead} 30-second steps from now. */
	public static String code(String secret, int stepsAhead) {
		return Totp.code(Base32.decode(secret), Totp.step(Instant.now()) + stepsAhead, 6);
	}
}
