package org.onecampus.identity.internal.passwords;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The campus password policy: length, character classes, the campus dictionary (the person's own
 * identifiers, the shipped common list, keyboard and {@code Abc@123} patterns) and a strength
 * estimate from zxcvbn. Reuse of earlier passwords is checked by {@link PasswordChanges}, which has
 * the hashes.
 */
@Component
public class PasswordPolicy {

	private final Supplier<PasswordPolicyProperties> policy;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	/** A fixed policy (tests, and trying a policy before saving it). */
	public PasswordPolicy(PasswordPolicyProperties properties) {
		this.policy = () -> properties;
	}

	@Autowired
	PasswordPolicy(PasswordPolicySettings settings) {
		this.policy = settings::current;
	}

	/** The policy in force now (administrators may change it while the platform runs). */
	public PasswordPolicyProperties properties() {
		return policy.get();
	}

	/**
	 * @param password the candidate; not null
	 * @param facts whose password it would be; not null
	 * @return the score and every rule it breaks, never null
	 */
	public PasswordAssessment assess(String password, PersonalFacts facts) {
		PasswordPolicyProperties properties = policy.get();
		List<PasswordProblem> problems = new ArrayList<>();
		if (password.codePointCount(0, password.length()) < properties.minLength()) {
			problems.add(PasswordProblem.TOO_SHORT);
		}
		if (password.length() > properties.maxLength()) {
			problems.add(PasswordProblem.TOO_LONG);
			return new PasswordAssessment(0, 0, problems);
		}
		if (classes(password) < properties.minClasses()) {
			problems.add(PasswordProblem.FEW_CLASSES);
		}
		String normalised = PersonalFacts.normalise(password);
		if (facts.tokens().stream().anyMatch(normalised::contains)) {
			problems.add(PasswordProblem.PERSONAL);
		}
		Strength strength = zxcvbn.measure(password, facts.userInputs());
		if (CommonPasswords.contains(password) || isBreachedWord(strength, password)) {
			problems.add(PasswordProblem.COMMON);
		}
		if (KeyboardPatterns.isPattern(password)) {
			problems.add(PasswordProblem.PATTERN);
		}
		if (strength.getScore() < properties.minScore()) {
			problems.add(PasswordProblem.WEAK);
		}
		return new PasswordAssessment(strength.getScore(), strength.getGuessesLog10(), problems);
	}

	/** zxcvbn saw the whole password (give or take leet and case) in its breach-frequency list. */
	private static boolean isBreachedWord(Strength strength, String password) {
		List<Match> sequence = strength.getSequence();
		return sequence.size() == 1 && sequence.get(0).pattern == Pattern.Dictionary
				&& "passwords".equals(sequence.get(0).dictionaryName) && sequence.get(0).tokenLength() == password.length();
	}

	static int classes(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isLowerCase(c)) {
				lower = true;
			}
			else if (Character.isUpperCase(c)) {
				upper = true;
			}
			else if (Character.isDigit(c)) {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}
}
