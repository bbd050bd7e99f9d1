package org.onecampus.kernel.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Writes a request wants stored together with its session: in the transaction that saves the session when the
 * request ends, so that one commit (one round trip and one flush of the write-ahead log) stores both, and they stand
 * or fall together. A password sign-in uses it for its records (last sign-in, audit entry, device note): the
 * signed-in session and its records are stored together or not at all.
 * <p>
 * The writes run just before the session's own statements, in that save's transaction; if they fail, the session is
 * not saved either, nor later in the request (the error page's dispatch would otherwise store it without them), and
 * the request fails. If the request ends without saving its session (it has none, nothing in it changed, or it was
 * invalidated), they run in a transaction of their own as it ends: never lost. Outside a web request (a background
 * thread) they run at once, in a transaction.
 */
public final class SessionWrites {

	private static final String ATTRIBUTE = SessionWrites.class.getName();

	private final TransactionOperations transactions;

	/** The current request's; none outside a request. */
	private final ThreadLocal<Followed> current = new ThreadLocal<>();

	SessionWrites(TransactionOperations transactions) {
		this.transactions = transactions;
	}

	/** Stores {@code writes} with the current request's session (see the class comment). */
	public void withSession(Runnable writes) {
		Followed followed = current.get();
		if (followed == null) {
			transactions.executeWithoutResult(status -> writes.run());
		}
		else {
			followed.waiting.add(writes);
		}
	}

	/**
	 * Follows a dispatch of {@code request} on the current thread until the returned handle is closed; closing runs
	 * the writes that no session save took, in a transaction of their own. A dispatch inside one already followed (a
	 * forward) changes nothing; the error page's dispatch of a failed request follows it with what it knew.
	 */
	Following follow(HttpServletRequest request) {
		if (current.get() != null) {
			return () -> {
			};
		}
		Followed followed = request.getAttribute(ATTRIBUTE) instanceof Followed known ? known : new Followed();
		request.setAttribute(ATTRIBUTE, followed);
		current.set(followed);
		return () -> {
			try {
				Runnable left = take();
				if (left != null) {
					transactions.executeWithoutResult(status -> left.run());
				}
			}
			finally {
				current.remove();
			}
		};
	}

	/** @return the writes waiting for the current request's session save, in order, taken; null when there are none */
	Runnable take() {
		Followed followed = current.get();
		if (followed == null || followed.waiting.isEmpty()) {
			return null;
		}
		List<Runnable> taken = List.copyOf(followed.waiting);
		followed.waiting.clear();
		return () -> taken.forEach(Runnable::run);
	}

	/** Notes that {@code session} failed to be saved with this request's writes: it is not to be saved after all. */
	void discard(Session session) {
		Followed followed = current.get();
		if (followed != null) {
			followed.failed = session;
		}
	}

	/** @return whether {@code session} failed to be saved with this request's writes */
	boolean discarded(Session session) {
		Followed followed = current.get();
		return followed != null && followed.failed == session;
	}

	/** What is known of a followed request. */
	private static final class Followed {

		private final List<Runnable> waiting = new ArrayList<>();

		/** The session whose save failed with the writes, if any. */
		private Session failed;
	}

	/** The transaction the writes run in (the caller's, if it has one). */
	TransactionOperations transactions() {
		return transactions;
	}

	/** A followed request; closing it runs what is left. */
	interface Following extends AutoCloseable {

		@Override
		void close();
	}
}
