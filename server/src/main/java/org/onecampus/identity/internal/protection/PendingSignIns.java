package org.onecampus.identity.internal.protection;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.identity.internal.mfa.SecondFactors;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The sign-in of a person who has a second factor stops after the password: the security context
 * Spring Security just stored in the session is taken out again and kept aside, and the page is told
 * {@code {"mfaRequired": true}}. Only a valid code puts it back ({@link MfaSignInController}).
 */
@Component
class PendingSignIns {

	static final String ATTRIBUTE = PendingSignIns.class.getName();

	static final Duration LIFETIME = Duration.ofMinutes(5);

	private final SecondFactors factors;

	private final JsonMapper json;

	private final Clock clock;

	PendingSignIns(SecondFactors factors, JsonMapper json, Clock clock) {
		this.factors = factors;
		this.json = json;
		this.clock = clock;
	}

	/** A password sign-in waiting for its second factor. */
	record Pending(SecurityContext context, String redirect, Instant startedAt) implements Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		CampusUser user() {
			return (CampusUser) context.getAuthentication().getPrincipal();
		}
	}

	/**
	 * @param session the session the password sign-in just stored its security context in
	 * @param user who that context names ({@link #signedIn})
	 * @param secondFactor whether the user has a second factor, when the account lookup noted it; asked here if not
	 * @return whether the sign-in now waits for a second factor (the buffered answer was replaced)
	 */
	boolean holdIfRequired(HttpSession session, CampusUser user, Optional<Boolean> secondFactor,
			ContentCachingResponseWrapper response) throws IOException {
		if (!secondFactor.orElseGet(() -> factors.enabled(user.accountId()))) {
			return false;
		}
		SecurityContext context = (SecurityContext) session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		String redirect = json.readTree(response.getContentAsByteArray()).path("redirect").asString("/");
		session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		session.setAttribute(ATTRIBUTE, new Pending(context, redirect, clock.instant()));
		response.resetBuffer();
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// The success handler closed the buffered writer; the buffer's stream still takes bytes.
		response.getOutputStream().write(json.writeValueAsBytes(Map.of("mfaRequired", true)));
		return true;
	}

	/** @return who the session's security context says is signed in; empty without a session or a campus user */
	static Optional<CampusUser> signedIn(HttpSession session) {
		if (session != null && session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null
				&& context.getAuthentication().getPrincipal() instanceof CampusUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/** @return the sign-in waiting in this session, if it has not expired */
	Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Pending pending)) {
			return Optional.empty();
		}
		if (pending.startedAt().plus(LIFETIME).isBefore(clock.instant())) {
			session.removeAttribute(ATTRIBUTE);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	/** Completes the sign-in: a new session id, the security context back in place. */
	void complete(HttpServletRequest request, Pending pending) {
		request.getSession().removeAttribute(ATTRIBUTE);
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(AuthenticationLevels.withSecondFactor(pending.context().getAuthentication()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}
}
