package org.onecampus.identity.internal.protection;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password sign-in a {@code POST /login} request is making, as the sign-in filter follows it from before
 * Spring Security authenticates until it has decided on the answer. Two things are handed to the filter on
 * the way, each to save the sign-in a round trip to the database:
 * <ul>
 * <li>the account lookup notes whether the account has a second factor (its query answers that too), so the
 * filter need not ask again before holding the sign-in for the code;</li>
 * <li>the success handler's records (last sign-in, audit entry, module event) are not written at once but
 * handed to the filter, which writes them in one transaction with its own (forgiven failures, the session's
 * device note). Without a filter following the request, they are written at once, as before.</li>
 * </ul>
 */
public final class SignInAttempt {

	static final String ATTRIBUTE = SignInAttempt.class.getName();

	private UUID secondFactorAccount;

	private boolean secondFactor;

	private Runnable records;

	private SignInAttempt() {
	}

	/** The filter's start of a sign-in on this request. */
	static SignInAttempt start(HttpServletRequest request) {
		SignInAttempt attempt = new SignInAttempt();
		request.setAttribute(ATTRIBUTE, attempt);
		return attempt;
	}

	/**
	 * The account lookup's note, on the current request if a sign-in filter follows it (otherwise nothing).
	 * @param accountId the account found for the login
	 * @param enrolled whether it has an enabled second factor
	 */
	public static void noteSecondFactor(UUID accountId, boolean enrolled) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(ATTRIBUTE) instanceof SignInAttempt attempt) {
			attempt.secondFactorAccount = accountId;
			attempt.secondFactor = enrolled;
		}
	}

	/**
	 * The success handler's records of a sign-in: handed to the sign-in filter when it follows this request (it
	 * writes them in its transaction, or at the latest when the request ends), otherwise run now.
	 */
	public static void record(HttpServletRequest request, Runnable records) {
		if (request.getAttribute(ATTRIBUTE) instanceof SignInAttempt attempt && attempt.records == null) {
			attempt.records = records;
		}
		else {
			records.run();
		}
	}

	/** @return whether the account has a second factor, if its lookup on this request noted it */
	Optional<Boolean> secondFactor(UUID accountId) {
		return accountId.equals(secondFactorAccount) ? Optional.of(secondFactor) : Optional.empty();
	}

	/** @return the success handler's records not written yet (none after this call) */
	Runnable takeRecords() {
		Runnable taken = records == null ? () -> {
		} : records;
		records = null;
		return taken;
	}
}
