package org.onecampus.kernel.error;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on, answered as RFC 9457 problem+json. The {@code errorCode} is
 * stable and names the localized messages {@code problem.<errorCode>.title} and
 * {@code problem.<errorCode>.detail}; {@code args} fill the detail's placeholders.
 */
public class PlatformException extends RuntimeException {

	private final HttpStatus status;

	private final String errorCode;

	private final transient Object[] args;

	private final List<FieldProblem> fieldProblems;

	public PlatformException(HttpStatus status, String errorCode, Object... args) {
		this(status, errorCode, List.of(), args);
	}

	public PlatformException(HttpStatus status, String errorCode, List<FieldProblem> fieldProblems, Object... args) {
		super(errorCode);
		this.status = status;
		this.errorCode = errorCode;
		this.args = args;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public HttpStatus status() {
		return status;
	}

	public String errorCode() {
		return errorCode;
	}

	public Object[] args() {
		return args.clone();
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

	/** 404: the resource does not exist or the caller may not know that it does. */
	public static PlatformException notFound(String what, Object id) {
		return new PlatformException(HttpStatus.NOT_FOUND, "resource.not-found", what, id);
	}

	/** 409: the request conflicts with the resource's current state. */
	public static PlatformException conflict(String errorCode, Object... args) {
		return new PlatformException(HttpStatus.CONFLICT, errorCode, args);
	}

	/** 422: the request is well-formed but its content is not acceptable, field by field. */
	public static PlatformException invalid(List<FieldProblem> problems) {
		return new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "request.validation", problems);
	}

	/**
	 * A problem with one field. {@code messageCode} is a message key (or a constraint code such as
	 * {@code NotBlank}) resolved in the caller's language.
	 */
	public record FieldProblem(String field, String messageCode, Object... args) {
	}
}
