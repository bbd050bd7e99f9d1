package org.onecampus.identity.internal.apps;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Client secrets: keyed fast hashes for new secrets, Argon2id ones still accepted and marked for upgrade. */
class ClientSecretHashingTests {

	private static final String SECRET = "Qm9yZWFsaXMtY2xpZW50LXNlY3JldC0yNTYtYml0cy1v";

	private final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final ClientSecretHashing hashing = new ClientSecretHashing(key("one"), argon2);

	@Test
	void aNewSecretIsStoredAsAKeyedHashThatVerifiesAndNeedsNoUpgrade() {
		String encoded = hashing.encode(SECRET);
		assertThat(encoded).startsWith("{hmac-sha256}").doesNotContain(SECRET);
		assertThat(Base64.getDecoder().decode(encoded.substring("{hmac-sha256}".length()))).hasSize(32);
		assertThat(hashing.matches(SECRET, encoded)).isTrue();
		assertThat(hashing.upgradeEncoding(encoded)).isFalse();
	}

	@Test
	void aWrongSecretIsRefusedWhateverItSharesWithTheRightOne() {
		String encoded = hashing.encode(SECRET);
		String lastCharacterChanged = SECRET.substring(0, SECRET.length() - 1) + "p";
		assertThat(hashing.matches(lastCharacterChanged, encoded)).isFalse();
		assertThat(hashing.matches(SECRET.substring(0, 20), encoded)).isFalse();
		assertThat(hashing.matches(SECRET + "x", encoded)).isFalse();
		assertThat(hashing.matches("", encoded)).isFalse();
		assertThat(hashing.matches(null, encoded)).isFalse();
	}

	@Test
	void theHashIsKeyedSoAnotherServerKeyDoesNotVerifyIt() {
		String encoded = hashing.encode(SECRET);
		ClientSecretHashing otherKey = new ClientSecretHashing(key("two"), argon2);
		assertThat(otherKey.encode(SECRET)).isNotEqualTo(encoded);
		assertThat(otherKey.matches(SECRET, encoded)).isFalse();
	}

	@Test
	void aTamperedOrTruncatedStoredHashIsRefusedNotAnError() {
		String encoded = hashing.encode(SECRET);
		assertThat(hashing.matches(SECRET, encoded.substring(0, encoded.length() - 4))).isFalse();
		assertThat(hashing.matches(SECRET, "{hmac-sha256}not base64!")).isFalse();
		assertThat(hashing.matches(SECRET, "{hmac-sha256}")).isFalse();
	}

	@Test
	void anArgon2idSecretStoredBeforeStillVerifiesAndIsMarkedForUpgrade() {
		String legacy = argon2.encode(SECRET);
		assertThat(hashing.matches(SECRET, legacy)).isTrue();
		assertThat(hashing.matches("guessed", legacy)).isFalse();
		assertThat(hashing.upgradeEncoding(legacy)).isTrue();
	}

	private static SecretKeySpec key(String seed) {
		byte[] bytes = new byte[32];
		byte[] s = seed.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(s, 0, bytes, 0, s.length);
		return new SecretKeySpec(bytes, "HmacSHA256");
	}
}
