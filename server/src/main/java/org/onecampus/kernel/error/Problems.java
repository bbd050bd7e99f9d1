package org.onecampus.kernel.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.kernel.web.TraceIds;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Builds every problem+json body the platform sends, wherever the error happens (controllers,
 * security filters, the error controller), so they all have one shape: a stable {@code type}
 * derived from the error code, a {@code title} and {@code detail} in the caller's language, the
 * {@code errorCode}, the {@code traceId} and, for validation, {@code errors[]}.
 */
@Component
public class Problems {

	public static final String TYPE_PREFIX = "urn:onecampus:problem:";

	private final MessageSource messages;

	private final LocaleResolver localeResolver;

	public Problems(MessageSource messages, LocaleResolver localeResolver) {
		this.messages = messages;
		this.localeResolver = localeResolver;
	}

	/** The caller's language: zh-CN unless {@code Accept-Language} asks for English. */
	public Locale locale(HttpServletRequest request) {
		return localeResolver.resolveLocale(request);
	}

	/**
	 * @param status the HTTP status
	 * @param errorCode stable code such as {@code resource.not-found}
	 * @param args placeholders for the detail message
	 * @return a problem with localized title and detail; never null
	 */
	public ProblemDetail create(HttpServletRequest request, HttpStatusCode status, String errorCode, Object... args) {
		Locale locale = locale(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_PREFIX + errorCode));
		problem.setTitle(message("problem." + errorCode + ".title", locale, genericTitle(status, locale)));
		String detail = message("problem." + errorCode + ".detail", locale, null, args);
		if (detail != null) {
			problem.setDetail(detail);
		}
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errorCode", errorCode);
		problem.setProperty("traceId", TraceIds.current(request));
		return problem;
	}

	/** Adds {@code errors[]} with one localized message per field. */
	public ProblemDetail withFieldErrors(ProblemDetail problem, HttpServletRequest request,
			List<? extends MessageSourceResolvable> fieldErrors, List<String> fields) {
		Locale locale = locale(request);
		var errors = new java.util.ArrayList<Map<String, String>>();
		for (int i = 0; i < fieldErrors.size(); i++) {
			errors.add(Map.of("field", fields.get(i), "message", messages.getMessage(fieldErrors.get(i), locale)));
		}
		problem.setProperty("errors", errors);
		return problem;
	}

	/** Resolves a field problem raised by domain code. */
	public MessageSourceResolvable resolvable(PlatformException.FieldProblem problem) {
		String code = problem.messageCode();
		return new DefaultMessageSourceResolvable(new String[] { code, "validation." + code }, problem.args(), code);
	}

	private String genericTitle(HttpStatusCode status, Locale locale) {
		return message("problem.status." + status.value() + ".title", locale,
				message("problem.status.default.title", locale, "Error"));
	}

	private String message(String code, Locale locale, String fallback, Object... args) {
		return messages.getMessage(code, args, fallback, locale);
	}
}
