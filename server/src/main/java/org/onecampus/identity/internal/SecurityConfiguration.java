package org.onecampus.identity.internal;

import org.onecampus.identity.internal.sso.BearerTokens;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The browser-facing security: deny by default, session cookie plus CSRF token, the JSON sign-in
 * used by the campus login page, and the security headers. Every API endpoint also declares the
 * permission it needs with {@code @PreAuthorize}; a test fails if one does not.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

	/**
	 * No Micrometer observation around every filter of every security filter chain: with the actuator's
	 * registry present Spring Security otherwise wraps each of the 15–20 filters of a request in an
	 * observation (start, stop, tag sorting), which was 6–8 % of the CPU of a client-credentials token. The
	 * request as a whole is still observed ({@code http.server.requests}), and so are authentications and
	 * authorization decisions.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	/**
	 * Argon2id with at most {@code onecampus.identity.password-hashing.concurrency} hashes at once, by default one
	 * per core: a hash is pure CPU and 19 MiB of memory, so more at once only makes each slower (they evict each
	 * other from the caches) and the waiting sign-ins later; the others queue.
	 */
	@Bean
	PasswordEncoder passwordEncoder(@Value("${onecampus.identity.password-hashing.concurrency:0}") int concurrency) {
		PasswordHashing hashing = new PasswordHashing(PasswordHashing.concurrencyFor(concurrency));
		org.slf4j.LoggerFactory.getLogger(PasswordHashing.class).info("Argon2id password hashing: {}, at most {} at once",
				hashing.implementation(), hashing.concurrency());
		return hashing;
	}

	/** Last of the chains: the authorization server's (first) and the CAS endpoints' (second) come before it. */
	@Bean
	@Order(3)
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, SignInResponses signIn,
			BearerTokens bearerTokens) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/error").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/platform", "/api/v1/csrf").permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/identity/password-resets",
					"/api/v1/identity/password-resets/*/completion").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/identity/self-registrations/settings").permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/identity/self-registrations",
					"/api/v1/identity/self-registrations/*/verification",
					"/api/v1/identity/self-registrations/*/password-check",
					"/api/v1/identity/self-registrations/*/completion").permitAll()
			// The service hall's public guides (items marked public) may be browsed without signing in.
			.requestMatchers(HttpMethod.GET, "/api/v1/hall/public/**").permitAll()
			// Anyone holding a printed certificate of enrolment (an employer, an embassy) may check it.
			.requestMatchers(HttpMethod.GET, "/api/v1/hall/passes/certificates/verification").permitAll()
			.requestMatchers("/api/**").authenticated()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/actuator/**").hasAuthority("kernel:ops:read")
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
					"/swagger-ui/**").permitAll()
			.requestMatchers(HttpMethod.POST, "/login", "/login/mfa", "/logout").permitAll()
			// The single-page application and its assets; the data behind it is under /api and protected.
			.requestMatchers(HttpMethod.GET, "/**").permitAll()
			.anyRequest().denyAll());
		http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CsrfTokenHandler())
			// A bearer token is not sent by a browser on its own, so it cannot be forged cross-site.
			.ignoringRequestMatchers(BearerTokens::present));
		// Systems and apps call /api/** with the access tokens of the platform's authorization server.
		http.oauth2ResourceServer(resourceServer -> resourceServer
			.jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens))
			.authenticationEntryPoint(problems.entryPoint())
			.accessDeniedHandler(problems.accessDenied()));
		http.formLogin(form -> form.loginPage("/login")
			.loginProcessingUrl("/login")
			.successHandler(signIn.success())
			.failureHandler(signIn.failure())
			.permitAll());
		http.requestCache(cache -> cache.requestCache(signIn.requestCache()));
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signIn.signedOut()));
		http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems.entryPoint())
			.accessDeniedHandler(problems.accessDenied()));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.sameOrigin())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(self), microphone=(), geolocation=()")));
		return http.build();
	}
}
