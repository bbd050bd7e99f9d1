package org.onecampus.kernel.error;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.kernel.web.RequestSizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.TreeMap;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.ServletRequestBindingException;

/**
 * Turns every exception that reaches a controller into problem+json. Framework exceptions keep
 * their status; the body is always ours: localized, with an error code and trace id, never a
 * stack trace or a class name.
 */
@RestControllerAdvice
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

	private final Problems problems;

	ProblemExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(PlatformException.class)
	ResponseEntity<ProblemDetail> platform(PlatformException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.create(request, ex.status(), ex.errorCode(), ex.args());
		if (!ex.fieldProblems().isEmpty()) {
			List<MessageSourceResolvable> resolvables = ex.fieldProblems().stream().map(problems::resolvable)
				.map(MessageSourceResolvable.class::cast).toList();
			problems.withFieldErrors(problem, request, resolvables,
					ex.fieldProblems().stream().map(PlatformException.FieldProblem::field).toList());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	ResponseEntity<ProblemDetail> denied(RuntimeException ex, HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean anonymous = ex instanceof AuthenticationException
				|| new AuthenticationTrustResolverImpl().isAnonymous(authentication) || authentication == null;
		HttpStatus status = anonymous ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
		return ResponseEntity.status(status)
			.body(problems.create(request, status, anonymous ? "auth.required" : "auth.forbidden"));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problems.create(request, HttpStatus.CONFLICT, "resource.concurrent-change"));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		log.info("Rejected a change that violates a database constraint: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.create(request, HttpStatus.CONFLICT, "resource.conflict"));
	}

	/**
	 * Constraints on the parameters of a {@code @Validated} controller (checked by method validation,
	 * not by MVC), answered like MVC's own validation errors: 422, one entry per parameter.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraints(ConstraintViolationException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.create(request, HttpStatus.UNPROCESSABLE_CONTENT, "request.validation");
		List<MessageSourceResolvable> errors = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String field = null;
			for (Path.Node node : violation.getPropertyPath()) {
				field = node.getName();
			}
			var descriptor = violation.getConstraintDescriptor();
			List<Object> args = new ArrayList<>();
			args.add(field);
			new TreeMap<>(descriptor.getAttributes()).forEach((name, value) -> {
				if (!"message".equals(name) && !"groups".equals(name) && !"payload".equals(name)) {
					args.add(value);
				}
			});
			String code = descriptor.getAnnotation().annotationType().getSimpleName();
			errors.add(new DefaultMessageSourceResolvable(new String[] { code }, args.toArray(), violation.getMessage()));
			fields.add(field);
		}
		problems.withFieldErrors(problem, request, errors, fields);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}

	/** Also a database that cannot serve now (503) or a request that lost against a concurrent one (409). */
	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		var trouble = DatabaseTrouble.of(ex);
		if (trouble.isPresent()) {
			return trouble.get().answer(problems, request, ex);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.body(problems.create(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal"));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest webRequest) {
		HttpServletRequest request = ((NativeWebRequest) webRequest).getNativeRequest(HttpServletRequest.class);
		HttpStatusCode status = statusCode;
		ProblemDetail problem;
		if (ex instanceof MethodArgumentNotValidException invalid) {
			status = HttpStatus.UNPROCESSABLE_CONTENT;
			problem = validation(request, invalid.getBindingResult().getAllErrors());
		}
		else if (ex instanceof HandlerMethodValidationException invalid) {
			status = HttpStatus.UNPROCESSABLE_CONTENT;
			problem = problems.create(request, status, "request.validation");
			List<MessageSourceResolvable> errors = new ArrayList<>();
			List<String> fields = new ArrayList<>();
			invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
				errors.add(error);
				fields.add(result.getMethodParameter().getParameterName());
			}));
			problems.withFieldErrors(problem, request, errors, fields);
		}
		else if (ex instanceof HttpMessageNotReadableException unreadable && RequestSizeLimitFilter.isTooLarge(unreadable)) {
			status = HttpStatus.CONTENT_TOO_LARGE;
			problem = problems.create(request, status, "request.too-large");
		}
		else {
			problem = problems.create(request, status, errorCode(ex), args(ex, request));
		}
		return super.handleExceptionInternal(ex, problem, headers, status, webRequest);
	}

	private ProblemDetail validation(HttpServletRequest request, List<ObjectError> errors) {
		ProblemDetail problem = problems.create(request, HttpStatus.UNPROCESSABLE_CONTENT, "request.validation");
		List<String> fields = errors.stream()
			.map(error -> error instanceof FieldError field ? field.getField() : error.getObjectName())
			.toList();
		return problems.withFieldErrors(problem, request, errors, fields);
	}

	private static String errorCode(Exception ex) {
		if (ex instanceof HttpMessageNotReadableException) {
			return "request.malformed";
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return "request.media-type";
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException) {
			return "request.not-acceptable";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return "request.method";
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException
				|| ex instanceof MissingPathVariableException) {
			return "resource.no-such-path";
		}
		if (ex instanceof MissingServletRequestParameterException || ex instanceof TypeMismatchException
				|| ex instanceof ServletRequestBindingException) {
			return "request.parameter";
		}
		if (ex instanceof MaxUploadSizeExceededException) {
			return "request.too-large";
		}
		return "request.error";
	}

	private static Object[] args(Exception ex, HttpServletRequest request) {
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return new Object[] { method.getMethod() };
		}
		if (ex instanceof HttpMediaTypeNotSupportedException media) {
			return new Object[] { String.valueOf(media.getContentType()) };
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return new Object[] { missing.getParameterName() };
		}
		if (ex instanceof TypeMismatchException mismatch) {
			return new Object[] { String.valueOf(mismatch.getPropertyName()) };
		}
		return new Object[] { request.getRequestURI() };
	}
}
