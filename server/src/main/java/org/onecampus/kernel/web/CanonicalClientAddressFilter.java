package org.onecampus.kernel.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.net.IPv6Utils;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every part of the platform a client's IPv6 address in its usual short form (RFC 5952: {@code ::1},
 * {@code 2001:db8::1}), not the servlet container's full one ({@code 0:0:0:0:0:0:0:1}): the address is recorded by
 * sign-in history, the sessions list, the audit log and the sign-in throttles, and shown to people in all of them.
 * IPv4 addresses are passed on untouched, without a wrapper. Runs before every other filter, after the container has
 * taken the client's address from a trusted proxy's {@code X-Forwarded-For}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CanonicalClientAddressFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		String canonical = canonical(address);
		if (canonical == null || canonical.equals(address)) {
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getRemoteAddr() {
				return canonical;
			}
		}, response);
	}

	/** @return an IPv6 literal in RFC 5952 form; anything else (IPv4, null) as it is */
	public static String canonical(String address) {
		return address == null || address.indexOf(':') < 0 ? address : IPv6Utils.canonize(address);
	}
}
