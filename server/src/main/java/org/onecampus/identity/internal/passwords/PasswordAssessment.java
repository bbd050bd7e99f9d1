package org.onecampus.identity.internal.passwords;

import java.util.List;

/**
 * What the policy thinks of a candidate password.
 * @param score zxcvbn score, 0 (too guessable) to 4 (very unguessable)
 * @param guessesLog10 zxcvbn's estimate of guesses needed, as a power of ten
 * @param problems why it is refused; empty when it is acceptable
 */
public record PasswordAssessment(int score, double guessesLog10, List<PasswordProblem> problems) {

	public PasswordAssessment {
		problems = List.copyOf(problems);
	}

	public boolean acceptable() {
		return problems.isEmpty();
	}
}
