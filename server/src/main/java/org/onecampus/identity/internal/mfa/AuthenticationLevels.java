package org.onecampus.identity.internal.mfa;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * How strongly the current sign-in was made, as factor authorities on the {@link Authentication}:
 * Spring Security's {@code FACTOR_PASSWORD} from the password, and {@code FACTOR_TOTP} once a TOTP or
 * recovery code was entered in this session (at sign-in, at a step-up, or by confirming an
 * enrolment). The factors travel with the session and, through the stored authorization, to the ID
 * token's {@code amr} and {@code acr}.
 */
public final class AuthenticationLevels {

	public static final String TOTP_AUTHORITY = "FACTOR_TOTP";

	/** {@code acr} of a sign-in with a password only. */
	public static final String ACR_PASSWORD = "urn:onecampus:acr:pwd";

	/** {@code acr} of a sign-in with a password and a second factor. */
	public static final String ACR_SECOND_FACTOR = "urn:onecampus:acr:mfa";

	/** Where a step-up continues afterwards (a path on this site), kept in the session. */
	public static final String CONTINUE_ATTRIBUTE = AuthenticationLevels.class.getName() + ".continue";

	/** The app a pending step-up is for, for the step-up page to name. */
	public static final String APP_ATTRIBUTE = AuthenticationLevels.class.getName() + ".app";

	private AuthenticationLevels() {
	}

	/** @return whether a second factor was entered in this sign-in; false for null */
	public static boolean hasSecondFactor(Authentication authentication) {
		return authentication != null && authentication.getAuthorities().stream()
			.anyMatch(a -> TOTP_AUTHORITY.equals(a.getAuthority()));
	}

	/** @return RFC 8176 methods: {@code pwd}, and {@code otp} after a second factor */
	public static List<String> amr(Authentication authentication) {
		return hasSecondFactor(authentication) ? List.of("pwd", "otp") : List.of("pwd");
	}

	/** @return the {@code acr} matching {@link #amr(Authentication)} */
	public static String acr(Authentication authentication) {
		return hasSecondFactor(authentication) ? ACR_SECOND_FACTOR : ACR_PASSWORD;
	}

	/** @return the same sign-in with {@link #TOTP_AUTHORITY} added */
	public static Authentication withSecondFactor(Authentication authentication) {
		if (hasSecondFactor(authentication)) {
			return authentication;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(authentication.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(TOTP_AUTHORITY));
		UsernamePasswordAuthenticationToken upgraded = UsernamePasswordAuthenticationToken
			.authenticated(authentication.getPrincipal(), null, authorities);
		upgraded.setDetails(authentication.getDetails());
		return upgraded;
	}

	/** Adds the second factor to the current request's sign-in and stores it in the session. */
	public static void secondFactorEntered(HttpServletRequest request) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || request.getSession(false) == null) { // a bearer-token call has no sign-in to raise
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(withSecondFactor(current));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}
}
