package org.onecampus.identity.internal.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onecampus.kernel.crypto.DataKeys;

import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies: after a successful sign-in the browser gets a signed cookie naming the
 * login. From a device that carries one for the login being tried, address and subnet throttles do
 * not apply, so an attack from a dormitory's shared address does not lock out the students who live
 * there; the account's own throttle still applies.
 */
@Component
class DeviceCookies {

	static final String NAME = "ONECAMPUS_DEVICE";

	private final SecretKey key;

	private final Duration lifetime;

	DeviceCookies(DataKeys dataKeys, ProtectionProperties properties) {
		this.key = dataKeys.derive("identity.device-cookie", "HmacSHA256");
		this.lifetime = Duration.ofDays(properties.deviceCookieDays());
	}

	void issue(HttpServletResponse response, String login, boolean secure) {
		String value = encode(login) + "." + encode(sign(login));
		response.addHeader("Set-Cookie", ResponseCookie.from(NAME, value).path("/login").httpOnly(true).secure(secure)
			.sameSite("Strict").maxAge(lifetime).build().toString());
	}

	boolean recognises(HttpServletRequest request, String login) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null || login.isEmpty()) {
			return false;
		}
		return Arrays.stream(cookies).filter(c -> NAME.equals(c.getName())).anyMatch(c -> valid(c.getValue(), login));
	}

	private boolean valid(String value, String login) {
		int dot = value.indexOf('.');
		if (dot < 0) {
			return false;
		}
		try {
			String named = new String(Base64.getUrlDecoder().decode(value.substring(0, dot)), StandardCharsets.UTF_8);
			byte[] signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
			return named.equals(login) && MessageDigest.isEqual(signature, sign(login));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private byte[] sign(String login) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return mac.doFinal(login.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String text) {
		return encode(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}
}
