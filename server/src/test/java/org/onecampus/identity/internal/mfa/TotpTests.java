package org.onecampus.identity.internal.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	/** The SHA-1 seed of RFC 6238 appendix B. */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource(textBlock = """
			59, 94287082
			1111111109, 07081804
			1111111111, 14050471
			1234567890, 89005924
			2000000000, 69279037
			20000000000, 65353130
			""")
	void codesMatchTheTestVectorsOfRfc6238(long seconds, String code) {
		assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(code);
	}

	@Test
	void aCodeIsAcceptedOneStepEitherWayAndNeverTwice() {
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		long step = Totp.step(now);
		String previous = Totp.code(RFC_SEED, step - 1, 6);
		String next = Totp.code(RFC_SEED, step + 1, 6);

		assertThat(Totp.verify(RFC_SEED, previous, now, 0)).isEqualTo(step - 1);
		assertThat(Totp.verify(RFC_SEED, next, now, 0)).isEqualTo(step + 1);
		assertThat(Totp.verify(RFC_SEED, previous, now, step - 1)).isEqualTo(-1);
		assertThat(Totp.verify(RFC_SEED, Totp.code(RFC_SEED, step - 2, 6), now, 0)).isEqualTo(-1);
		assertThat(Totp.verify(RFC_SEED, "12345", now, 0)).isEqualTo(-1);
	}

	@Test
	void secretsAreBase32AsAuthenticatorAppsTakeThem() {
		assertThat(Base32.encode(RFC_SEED)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Base32.decode("gezdgnbvgy3tqojqgezdgnbvgy3tqojq")).isEqualTo(RFC_SEED);
	}
}
