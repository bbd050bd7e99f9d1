package org.onecampus.kernel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts one kind of sensitive field (such as 身份证 numbers) with AES-256-GCM and gives a keyed
 * digest of it for exact-match search. Each purpose has its own keys.
 */
public final class FieldCipher {

	private static final SecureRandom random = new SecureRandom();

	private final SecretKey encryptionKey;

	private final SecretKey digestKey;

	public FieldCipher(DataKeys keys, String purpose) {
		this.encryptionKey = keys.derive(purpose + ".encryption", "AES");
		this.digestKey = keys.derive(purpose + ".digest", "HmacSHA256");
	}

	/** @return base64 of nonce and ciphertext; never null */
	public String encrypt(String plain) {
		try {
			byte[] nonce = new byte[12];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not encrypted with this key (wrong key or tampered)
	 */
	public String decrypt(String encrypted) {
		try {
			byte[] all = Base64.getDecoder().decode(encrypted);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The value cannot be decrypted with the configured data key", ex);
		}
	}

	/** @return lower-case hex HMAC-SHA256 of the normalized value, for exact-match search */
	public String digest(String plain) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(digestKey);
			return HexFormat.of().formatHex(mac.doFinal(plain.trim().toUpperCase().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
