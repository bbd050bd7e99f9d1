package org.onecampus.kernel.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the generated OpenAPI document ({@code /v3/api-docs}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI oneCampusOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties info = build.getIfAvailable();
		return new OpenAPI().info(new Info().title("OneCampus API")
			.version(info == null ? "dev" : info.getVersion())
			.description("""
					The REST API of OneCampus · 一网通办. Sign in with a session cookie and CSRF token \
					(see docs/api-guide.md); every error is RFC 9457 application/problem+json with a localized \
					title, an errorCode and a traceId.""")
			.license(new License().name("Apache-2.0")));
	}
}
