package org.onecampus.identity.internal.protection;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.internal.passwords.SignInPasswordScoring.StoredPassword;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The password sign-in a {@code POST /login} request is making, as the sign-in filter follows it from before
 * Spring Security authenticates until it has decided on the answer. Two things are handed to the filter on
 * the way, each to save the sign-in a round trip to the database:
 * <ul>
 * <li>the account lookup notes whether the account has a second factor and what it saw of the stored password
 * (its query answers both), so the filter need not ask again before holding the sign-in for the code, nor
 * the weak-password scoring read the account to learn that this password was scored already;</li>
 * <li>the success handler's records (last sign-in, audit entry, module event) are not written at once but
 * handed to the filter, which writes them in one transaction with its own (forgiven failures, the session's
 * device note). Without a filter following the request, they are written at once, as before.</li>
 * </ul>
 */
public final class SignInAttempt {

	static final String ATTRIBUTE = SignInAttempt.class.getName();

	private UUID notedAccount;

	private boolean secondFactor;

	private StoredPassword storedPassword;

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
	 * @param password what the lookup saw of its stored password
	 */
	public static void noteAccount(UUID accountId, boolean enrolled, StoredPassword password) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getRequest().getAttribute(ATTRIBUTE) instanceof SignInAttempt attempt) {
			attempt.notedAccount = accountId;
			attempt.secondFactor = enrolled;
			attempt.storedPassword = password;
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
		return accountId.equals(notedAccount) ? Optional.of(secondFactor) : Optional.empty();
	}

	/** @return what the account lookup on this request saw of the account's stored password, if it noted it */
	Optional<StoredPassword> storedPassword(UUID accountId) {
		return accountId.equals(notedAccount) ? Optional.ofNullable(storedPassword) : Optional.empty();
	}

	/** @return the success handler's records not written yet (none after this call) */
	Runnable takeRecords() {
		Runnable taken = records == null ? () -> {
		} : records;
		records = null;
		return taken;
	}
}
