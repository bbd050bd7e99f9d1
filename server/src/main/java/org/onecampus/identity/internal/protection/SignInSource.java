package org.onecampus.identity.internal.protection;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.onecampus.kernel.web.CanonicalClientAddressFilter;

/**
 * Who is trying to sign in: the login as typed (lower-cased, bounded) and the client address with its
 * subnet (/24 for IPv4, /64 for IPv6). The address is the one Tomcat resolved, which honours
 * {@code X-Forwarded-For} only from trusted proxies.
 */
public record SignInSource(String login, String ip, String subnet) {

	static SignInSource of(String login, String remoteAddress) {
		String normalised = login == null ? "" : login.trim().toLowerCase(Locale.ROOT);
		if (normalised.length() > 64) {
			normalised = normalised.substring(0, 64);
		}
		return new SignInSource(normalised, remoteAddress, subnetOf(remoteAddress));
	}

	public static String subnetOf(String address) {
		if (address == null || !(address.matches("[0-9.]+") || address.contains(":"))) {
			return String.valueOf(address); // not an address literal: never resolve names here
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			int keep = bytes.length == 4 ? 3 : 8;
			byte[] masked = Arrays.copyOf(Arrays.copyOf(bytes, keep), bytes.length);
			return CanonicalClientAddressFilter.canonical(InetAddress.getByAddress(masked).getHostAddress())
					+ (bytes.length == 4 ? "/24" : "/64");
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}
}
