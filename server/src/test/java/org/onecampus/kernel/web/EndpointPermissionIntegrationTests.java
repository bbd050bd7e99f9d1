package org.onecampus.kernel.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default: every endpoint of ours either declares the permission it needs or is marked
 * public on purpose. A new endpoint with neither fails this test.
 */
@IntegrationTest
class EndpointPermissionIntegrationTests {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyEndpointDeclaresAPermissionOrIsPublicOnPurpose() {
		List<HandlerMethod> ours = mappings.getHandlerMethods().values().stream()
			.filter(handler -> handler.getBeanType().getPackageName().startsWith("org.onecampus"))
			.toList();
		assertThat(ours).hasSizeGreaterThan(5);
		List<String> undeclared = ours.stream()
			.filter(handler -> !declares(handler, PreAuthorize.class) && !declares(handler, PublicEndpoint.class))
			.filter(handler -> !isInfrastructure(handler))
			.map(HandlerMethod::toString)
			.toList();
		assertThat(undeclared).as("endpoints without @PreAuthorize or @PublicEndpoint").isEmpty();
	}

	private static boolean declares(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
		return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), annotation)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), annotation);
	}

	/** The error controller and the app's HTML shell carry no data and must answer everyone. */
	private static boolean isInfrastructure(HandlerMethod handler) {
		String type = handler.getBeanType().getSimpleName();
		return type.equals("ProblemErrorController") || type.equals("SpaController");
	}
}
