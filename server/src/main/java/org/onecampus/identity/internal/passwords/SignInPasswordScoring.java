package org.onecampus.identity.internal.passwords;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Weak-password governance: at each successful sign-in the password just typed is scored against
 * the policy and only the score and a weak flag are kept, never the password or anything derived
 * from it that could help guess it.
 */
@Component
public class SignInPasswordScoring {

	private static final Logger log = LoggerFactory.getLogger(SignInPasswordScoring.class);

	private final JdbcClient jdbc;

	private final PasswordRecords records;

	private final PasswordPolicy policy;

	SignInPasswordScoring(JdbcClient jdbc, PasswordRecords records, PasswordPolicy policy) {
		this.jdbc = jdbc;
		this.records = records;
		this.policy = policy;
	}

	/**
	 * @param login the login that just signed in; not null
	 * @param password what was typed; null is ignored
	 */
	public void score(String login, String password) {
		if (password == null) {
			return;
		}
		Optional<UUID> account = jdbc.sql("select id from identity_account where lower(username) = :login")
			.param("login", login).query(UUID.class).optional();
		if (account.isEmpty()) {
			return;
		}
		try {
			PasswordAssessment assessment = policy.assess(password, records.facts(account.get()));
			boolean weak = assessment.score() < policy.properties().weakScore() || assessment.problems().stream()
				.anyMatch(p -> p == PasswordProblem.PERSONAL || p == PasswordProblem.COMMON || p == PasswordProblem.PATTERN);
			jdbc.sql("""
					update identity_account set password_score = :score, password_weak = :weak, password_scored_at = now()
					where id = :id""")
				.param("score", assessment.score()).param("weak", weak).param("id", account.get()).update();
		}
		catch (RuntimeException ex) {
			// The person is signed in; a failed score must not undo that. The next sign-in scores again.
			log.warn("Could not score the sign-in password of account {}", account.get(), ex);
		}
	}
}
