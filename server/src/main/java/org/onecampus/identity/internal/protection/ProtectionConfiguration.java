package org.onecampus.identity.internal.protection;

import org.onecampus.identity.internal.passwords.SignInPasswordScoring;
import org.onecampus.kernel.error.Problems;
import org.onecampus.kernel.web.SessionWrites;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the sign-in throttle just before the Spring Security filter chain. */
@Configuration(proxyBeanMethods = false)
class ProtectionConfiguration {

	@Bean
	FilterRegistrationBean<SignInThrottleFilter> signInThrottleFilter(SignInProtection protection, DeviceCookies devices,
			SignInPasswordScoring scoring, PendingSignIns pendingSignIns, SessionWrites sessionWrites, Problems problems,
			JsonMapper json) {
		var registration = new FilterRegistrationBean<>(
				new SignInThrottleFilter(protection, devices, scoring, pendingSignIns, sessionWrites, problems, json));
		registration.addUrlPatterns("/login");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}
}
