package org.onecampus.identity.internal.cas;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The second security filter chain, for {@code /cas/**}. The endpoints decide for themselves:
 * {@code /cas/login} reads the platform session (the same security context as the app), the
 * validation endpoints are called server to server with a one-time ticket, so there is no CSRF token
 * and no login redirect here. All are GET, as the protocol has them.
 */
@Configuration(proxyBeanMethods = false)
class CasSecurityConfiguration {

	@Bean
	@Order(2)
	SecurityFilterChain casChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/cas/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable());
		return http.build();
	}
}
