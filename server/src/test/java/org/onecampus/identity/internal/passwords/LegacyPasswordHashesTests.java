package org.onecampus.identity.internal.passwords;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Hashes made by other tools: Python's hashlib for the digests, OpenBSD's bcrypt test vector. */
class LegacyPasswordHashesTests {

	private final LegacyPasswordHashes legacy = new LegacyPasswordHashes();

	@ParameterizedTest(name = "{0} matches {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Legacy-Pass-2019 | 517c58bd967869c0868844e421380eca
			Legacy-Pass-2019 | {MD5}517C58BD967869C0868844E421380ECA
			Sha1-Legacy#2015 | 5e3a76477747ab344646170686e1f8fcadb70466
			Sha1-Legacy#2015 | {SHA-1}5e3a76477747ab344646170686e1f8fcadb70466
			Sha1-Legacy#2015 | {SHA1}5e3a76477747ab344646170686e1f8fcadb70466
			U*U              | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW
			U*U              | {bcrypt}$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW
			""")
	void legacyHashesAreRecognisedAndVerified(String password, String hash) {
		assertThat(legacy.recognises(hash)).isTrue();
		assertThat(legacy.matches(password, hash)).isTrue();
		assertThat(legacy.matches(password + "x", hash)).isFalse();
	}

	@ParameterizedTest(name = "{0} is not a legacy hash")
	@CsvSource(delimiter = '|', textBlock = """
			$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g
			not-a-hash
			517c58bd967869c0868844e421380ec
			""")
	void otherValuesAreNotTakenForLegacyHashes(String value) {
		assertThat(legacy.recognises(value)).isFalse();
	}
}
