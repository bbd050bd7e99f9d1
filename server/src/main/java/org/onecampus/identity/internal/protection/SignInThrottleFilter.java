package org.onecampus.identity.internal.protection;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.passwords.SignInPasswordScoring;
import org.onecampus.kernel.error.Problems;
import org.onecampus.kernel.web.SessionWrites;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Stands in front of {@code POST /login} (before Spring Security): refuses throttled attempts with
 * 429 {@code auth.too-many-attempts} and {@code Retry-After}, counts failures (401), and on success
 * (200) holds the sign-in for a second factor when the person has one, or else forgives the login,
 * recognises the device and notes the session's address and browser; it also scores the password for the weak-password
 * report without keeping it. The response is buffered so that the device cookie can still be set. A sign-in's records
 * are stored with its session ({@link SessionWrites}): one transaction, one commit, both or neither.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInProtection protection;

	private final DeviceCookies devices;

	private final SignInPasswordScoring scoring;

	private final PendingSignIns pendingSignIns;

	private final SessionWrites sessionWrites;

	private final Problems problems;

	private final JsonMapper json;

	SignInThrottleFilter(SignInProtection protection, DeviceCookies devices, SignInPasswordScoring scoring,
			PendingSignIns pendingSignIns, SessionWrites sessionWrites, Problems problems, JsonMapper json) {
		this.protection = protection;
		this.devices = devices;
		this.scoring = scoring;
		this.pendingSignIns = pendingSignIns;
		this.sessionWrites = sessionWrites;
		this.problems = problems;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SignInSource source = SignInSource.of(request.getParameter("username"), request.getRemoteAddr());
		boolean knownDevice = devices.recognises(request, source.login());
		KnownDevice.note(request, knownDevice);
		var standing = protection.standing(source, knownDevice);
		if (standing.retryAfter().isPresent()) {
			tooMany(request, response, standing.retryAfter().get());
			return;
		}
		var attempt = SignInAttempt.start(request);
		var buffered = new BufferedAnswer(response);
		boolean answered = false;
		try {
			chain.doFilter(request, buffered);
			if (buffered.getStatus() == HttpStatus.UNAUTHORIZED.value() && !source.login().isEmpty()) {
				protection.failed(source, knownDevice);
			}
			else if (buffered.getStatus() == HttpStatus.OK.value()) {
				signedIn(request, source, standing.forgivable(), attempt, buffered);
			}
			answered = true;
		}
		finally {
			try {
				// the success handler's records when the filter did not get to write them (the request failed after
				// the handler): on their own, never lost
				attempt.takeRecords().run();
			}
			finally {
				request.removeAttribute(SignInAttempt.ATTRIBUTE);
				// after an exception the held answer is dropped: the error's answer goes out instead
				if (answered) {
					buffered.release();
				}
			}
		}
	}

	/**
	 * A password sign-in went through: scores the password, holds the sign-in for its second factor or forgives the
	 * login and notes the session's device, and writes the success handler's records with the filter's, in one
	 * transaction: the one that stores the signed-in session when the request ends. If they cannot be written the
	 * sign-in does not stand (the session is not stored, the answer is an error). A sign-in held for its second factor
	 * writes its records now.
	 */
	private void signedIn(HttpServletRequest request, SignInSource source, boolean forgivable, SignInAttempt attempt,
			BufferedAnswer buffered) throws IOException {
		var session = request.getSession(false);
		var user = PendingSignIns.signedIn(session);
		user.ifPresent(signedIn -> scoring.score(signedIn.accountId(), request.getParameter("password"),
				attempt.storedPassword(signedIn.accountId())));
		// With a second factor nothing is forgiven or remembered until the code is right.
		boolean held = user.isPresent() && pendingSignIns.holdIfRequired(session, user.get(),
				attempt.secondFactor(user.get().accountId()), buffered);
		try {
			if (held) {
				attempt.takeRecords().run();
			}
			else {
				Runnable records = attempt.takeRecords();
				var accountId = user.map(CampusUser::accountId).orElse(null);
				String sessionId = session == null ? null : session.getId();
				String userAgent = request.getHeader("User-Agent");
				sessionWrites.withSession(
						() -> protection.signedIn(source, forgivable, records, accountId, sessionId, userAgent));
			}
		}
		catch (RuntimeException ex) {
			// Nothing of this sign-in was recorded, so it does not stand: no session, no pending second step. (Records
			// stored with the session fail later, with its save, which then stores nothing.)
			if (session != null) {
				session.invalidate();
			}
			throw ex;
		}
		if (!held) {
			devices.issue(buffered, source.login(), request.isSecure());
		}
	}

	/**
	 * The sign-in's answer, held until this filter has decided on it. {@link #release()} hands it on without a
	 * {@code Content-Length}: with one, Spring Session's response wrapper sees the answer complete and saves the
	 * session at once, and its filter then saves it again at the end of the request, which (spring-session
	 * #1731, #1424) first reads the session anew by the id the browser sent. After a sign-in that id is gone (the
	 * session id changes), so that read was one more transaction per sign-in for nothing. Without the length the
	 * session is saved once, when the request ends, still before the answer leaves the server's buffer.
	 */
	static final class BufferedAnswer extends ContentCachingResponseWrapper {

		BufferedAnswer(HttpServletResponse response) {
			super(response);
		}

		void release() throws IOException {
			copyBodyToResponse(false);
		}
	}

	private void tooMany(HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getWriter(),
				problems.create(request, HttpStatus.TOO_MANY_REQUESTS, "auth.too-many-attempts", seconds));
	}
}
