package org.onecampus.identity.internal.protection;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.onecampus.identity.internal.protection.LoginThrottles.Kind;
import org.onecampus.identity.internal.protection.LoginThrottles.Throttle;

import org.springframework.stereotype.Component;

/**
 * The sign-in throttle on one account (failed passwords for its username), for the administrator's
 * view of a person; throttles on addresses are managed on the throttles page.
 */
@Component
public class AccountThrottles {

	private final SignInProtection protection;

	AccountThrottles(SignInProtection protection) {
		this.protection = protection;
	}

	/**
	 * @param failures failed sign-ins counted against the throttle
	 * @param blockedUntil until when sign-in is refused; in the past when the failures only count towards one
	 */
	public record AccountThrottle(String reason, int failures, Instant blockedUntil) {
	}

	/** @return the account's throttle, if one is recorded for {@code username} */
	public Optional<AccountThrottle> of(String username) {
		return find(username).map(t -> new AccountThrottle(t.reason(), t.failures(), t.blockedUntil()));
	}

	/** Lifts the account's throttle (audited). @return whether there was one */
	public boolean lift(String username) {
		Optional<Throttle> throttle = find(username);
		throttle.ifPresent(t -> protection.lift(t.id()));
		return throttle.isPresent();
	}

	private Optional<Throttle> find(String username) {
		String key = username.toLowerCase(Locale.ROOT);
		return protection.active().stream()
			.filter(t -> t.kind() == Kind.ACCOUNT && t.key().equals(key)).findFirst();
	}
}
