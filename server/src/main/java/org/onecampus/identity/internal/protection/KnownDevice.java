package org.onecampus.identity.internal.protection;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the browser signing in carried a valid device cookie for the login it tried. The sign-in
 * filter notes it on the request before Spring Security authenticates, so the success handler can
 * tell a sign-in from a new device.
 */
public final class KnownDevice {

	static final String ATTRIBUTE = KnownDevice.class.getName();

	private KnownDevice() {
	}

	static void note(HttpServletRequest request, boolean known) {
		request.setAttribute(ATTRIBUTE, known);
	}

	/** @return true only when the sign-in filter recognised the device for this request */
	public static boolean of(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
	}
}
