package org.onecampus.identity.internal.passwords;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the {@link PasswordChangeGate} in front of the API. */
@Configuration(proxyBeanMethods = false)
class PasswordWebConfiguration implements WebMvcConfigurer {

	private final PasswordChangeGate gate;

	PasswordWebConfiguration(PasswordChangeGate gate) {
		this.gate = gate;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(gate).addPathPatterns("/api/**");
	}
}
