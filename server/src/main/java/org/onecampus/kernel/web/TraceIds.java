package org.onecampus.kernel.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a trace id: the W3C {@code traceparent} trace id when the caller sends one,
 * otherwise a new one. It is in the logs (MDC {@code traceId}), in the {@code X-Trace-Id} response
 * header and in every problem body, so a user's error report leads straight to the log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIds extends OncePerRequestFilter {

	public static final String HEADER = "X-Trace-Id";

	private static final String ATTRIBUTE = TraceIds.class.getName();

	private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final SecureRandom random = new SecureRandom();

	/** @return the current request's trace id, creating one if the filter has not run; never null */
	public static String current(HttpServletRequest request) {
		Object id = request.getAttribute(ATTRIBUTE);
		if (id instanceof String value) {
			return value;
		}
		String created = MDC.get("traceId") != null ? MDC.get("traceId") : newId();
		request.setAttribute(ATTRIBUTE, created);
		return created;
	}

	static String newId() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = fromTraceparent(request.getHeader("traceparent"));
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put("traceId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("traceId");
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static String fromTraceparent(String header) {
		if (header != null) {
			var matcher = TRACEPARENT.matcher(header.trim());
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		return newId();
	}
}
