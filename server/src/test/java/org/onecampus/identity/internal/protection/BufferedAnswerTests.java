package org.onecampus.identity.internal.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in filter's held answer under Spring Session's filter, as in the server: a sign-in that changes the
 * session id is saved once and the session is read once (when the browser's cookie is resolved), not a second
 * time after the save.
 */
class BufferedAnswerTests {

	/** A session store that counts its reads. */
	static final class CountingRepository extends MapSessionRepository {

		final AtomicInteger reads = new AtomicInteger();

		CountingRepository() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			reads.incrementAndGet();
			return super.findById(id);
		}
	}

	interface Release {

		void release(ContentCachingResponseWrapper buffered) throws IOException;
	}

	/** Signs in on a browser that already has a session, as the sign-in filter does, and answers 200 JSON. */
	static MockHttpServletResponse signIn(CountingRepository sessions, String existingSession, Release release)
			throws Exception {
		SessionRepositoryFilter<MapSession> sessionFilter = new SessionRepositoryFilter<>(sessions);
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
		request.setCookies(new jakarta.servlet.http.Cookie("SESSION",
				java.util.Base64.getEncoder().encodeToString(existingSession.getBytes(StandardCharsets.UTF_8))));
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain signInFilter = (req, res) -> {
			var buffered = new SignInThrottleFilter.BufferedAnswer((HttpServletResponse) res);
			var http = (HttpServletRequest) req;
			// What Spring Security does on success: a new session id, the security context, the JSON answer.
			http.getSession().setAttribute("context", "someone");
			http.changeSessionId();
			buffered.setContentType("application/json");
			buffered.getWriter().write("{\"redirect\":\"/\"}");
			buffered.getWriter().flush();
			release.release(buffered);
		};
		sessionFilter.doFilter(request, response, signInFilter);
		return response;
	}

	@Test
	void theSessionIsReadOnceWhenTheAnswerIsReleasedWithoutALength() throws Exception {
		CountingRepository sessions = new CountingRepository();
		MapSession existing = sessions.createSession();
		sessions.save(existing);

		MockHttpServletResponse response = signIn(sessions, existing.getId(),
				buffered -> ((SignInThrottleFilter.BufferedAnswer) buffered).release());

		assertThat(sessions.reads).hasValue(1);
		assertThat(response.getContentAsString()).isEqualTo("{\"redirect\":\"/\"}");
		String cookie = response.getHeader("Set-Cookie");
		assertThat(cookie).startsWith("SESSION=");
		assertThat(sessions.findById(existing.getId())).isNull();
		String newId = new String(java.util.Base64.getDecoder().decode(cookie.substring(8, cookie.indexOf(';'))),
				StandardCharsets.UTF_8);
		assertThat(sessions.findById(newId).<String>getAttribute("context")).isEqualTo("someone");
	}

	@Test
	void withALengthSpringSessionSavesEarlyAndReadsTheGoneSessionAgain() throws Exception {
		CountingRepository sessions = new CountingRepository();
		MapSession existing = sessions.createSession();
		sessions.save(existing);

		signIn(sessions, existing.getId(), ContentCachingResponseWrapper::copyBodyToResponse);

		// spring-session #1731: what BufferedAnswer#release avoids.
		assertThat(sessions.reads).hasValue(2);
	}
}
