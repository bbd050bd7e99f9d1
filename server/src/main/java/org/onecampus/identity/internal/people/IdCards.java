package org.onecampus.identity.internal.people;

import org.onecampus.identity.internal.demo.ChineseIdNumbers;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;

import org.springframework.stereotype.Component;

/** 身份证 numbers at rest: encrypted, a keyed digest for exact-match search, and a masked form to show. */
@Component
class IdCards {

	/** The same purpose as the demo loader's, so demo numbers are searchable. */
	static final String PURPOSE = "identity.id-card";

	private final FieldCipher cipher;

	IdCards(DataKeys dataKeys) {
		this.cipher = new FieldCipher(dataKeys, PURPOSE);
	}

	Sealed seal(String number) {
		String normalized = normalize(number);
		return new Sealed(cipher.encrypt(normalized), cipher.digest(normalized), ChineseIdNumbers.mask(normalized));
	}

	String digest(String number) {
		return cipher.digest(normalize(number));
	}

	String open(String cipherText) {
		return cipher.decrypt(cipherText);
	}

	static boolean isWellFormed(String number) {
		return number != null && ChineseIdNumbers.isWellFormed(normalize(number));
	}

	static boolean looksLikeOne(String text) {
		return text != null && text.trim().matches("\\d{17}[\\dXx]");
	}

	private static String normalize(String number) {
		return number.trim().toUpperCase();
	}

	record Sealed(String cipher, String digest, String masked) {
	}
}
