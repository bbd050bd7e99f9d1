package org.onecampus.kernel.error;

import java.net.URI;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failed request ran into when the database, not the request, is the reason, so that the caller gets an
 * answer it can act on instead of a 500:
 * <ul>
 * <li>{@link #UNAVAILABLE}: the database cannot serve now (no connection, the server shutting down or out of
 * connections, memory or disk, a statement cancelled by its timeout). Nothing was applied; the same request may
 * succeed later: 503 with {@code Retry-After}.</li>
 * <li>{@link #CONCURRENT_CHANGE}: the request lost against a concurrent one (deadlock, serialization failure, a
 * row lock it would not wait for). Nothing was applied; the caller reloads and tries again: 409, as for an
 * optimistic-locking conflict.</li>
 * </ul>
 * Spring's translated exceptions are recognised by type, and any other wrapper (the workflow engine's MyBatis, a
 * filter) by the SQLSTATE of the JDBC exception it carries.
 */
enum DatabaseTrouble {

	UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable"),

	CONCURRENT_CHANGE(HttpStatus.CONFLICT, "resource.concurrent-change");

	/** Seconds a client should wait before it repeats a request that found the database unavailable. */
	static final int RETRY_AFTER_SECONDS = 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseTrouble.class);

	private final HttpStatus status;

	private final String errorCode;

	DatabaseTrouble(HttpStatus status, String errorCode) {
		this.status = status;
		this.errorCode = errorCode;
	}

	/**
	 * The answer: problem+json with this trouble's status and code (the detail names the seconds to wait), and
	 * {@code Retry-After} when the database is unavailable. Logs the failure for the operators: a warning with its
	 * cause when the database is unavailable, one line when a request lost against a concurrent one. On the error
	 * page's dispatch (a filter failed) the path and the problem's {@code instance} are those the client asked for.
	 */
	ResponseEntity<ProblemDetail> answer(Problems problems, HttpServletRequest request, Throwable failure) {
		String cause = NestedExceptionUtils.getMostSpecificCause(failure).toString();
		Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = asked == null ? request.getRequestURI() : asked.toString();
		if (this == UNAVAILABLE) {
			log.warn("Database unavailable on {}: {}", path, cause);
		}
		else {
			log.info("Lost against a concurrent change on {}: {}", path, cause);
		}
		var answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (this == UNAVAILABLE) {
			answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
		}
		ProblemDetail problem = problems.create(request, status, errorCode, RETRY_AFTER_SECONDS);
		problem.setInstance(URI.create(path));
		return answer.body(problem);
	}

	/** The trouble behind a failure, looking through its causes; empty when it is not the database's. */
	static Optional<DatabaseTrouble> of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			Optional<DatabaseTrouble> trouble = byType(cause);
			if (trouble.isEmpty() && cause instanceof SQLException sql) {
				trouble = bySqlState(sql.getSQLState());
			}
			if (trouble.isPresent()) {
				return trouble;
			}
		}
		return Optional.empty();
	}

	private static Optional<DatabaseTrouble> byType(Throwable failure) {
		if (failure instanceof ConcurrencyFailureException) {
			return Optional.of(CONCURRENT_CHANGE);
		}
		if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessResourceException
				|| failure instanceof QueryTimeoutException || failure instanceof RecoverableDataAccessException
				|| failure instanceof CannotCreateTransactionException) {
			return Optional.of(UNAVAILABLE);
		}
		return Optional.empty();
	}

	/**
	 * PostgreSQL's SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention
	 * (57014: cancelled by the statement timeout; 57P01–57P05: shutting down, cannot connect now, idle session
	 * timeout), 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
	 */
	private static Optional<DatabaseTrouble> bySqlState(String state) {
		if (state == null || state.length() != 5) {
			return Optional.empty();
		}
		if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
			return Optional.of(CONCURRENT_CHANGE);
		}
		if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
			return Optional.of(UNAVAILABLE);
		}
		return Optional.empty();
	}
}
