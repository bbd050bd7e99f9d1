package org.onecampus.identity.internal.passwords;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final PasswordPolicyProperties DEFAULTS = new PasswordPolicyProperties(10, 128, 3, 5, 0, 3, 3);

	private final PasswordPolicy policy = new PasswordPolicy(DEFAULTS);

	/** 李明轩, undergraduate 2023010101, born 1999-01-01, 身份证 ending 25123X. */
	private final PersonalFacts student = new PersonalFacts("stu001", List.of("2023010101"), "13812345678",
			"stu001@demo.edu.cn", LocalDate.of(1999, 1, 1), "11010519990101123X", "Li Mingxuan");

	@ParameterizedTest(name = "{0} is refused as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Abc@123                 | pattern
			Abc@123456              | pattern
			Qwer1234                | pattern
			Qwer1234!@              | pattern
			1qaz2wsx                | pattern
			1qaz@WSX3edc            | pattern
			Zxcvbnm,./123           | pattern
			Aa123456                | common
			P@ssw0rd                | common
			woaini1314              | common
			2023010101@             | personal
			Xx2023010101@           | personal
			Hi19990101!             | personal
			Born@990101xyz          | personal
			Card#01123Xabc          | personal
			13812345678Aa!          | personal
			Stu001-Strong-Pass      | personal
			Mingxuan@Home77         | personal
			short1A!                | too-short
			alllowercaseletters     | few-classes
			Password12345           | weak
			""")
	void campusPatternsAreRefusedNamingTheRule(String password, String problem) {
		PasswordAssessment assessment = policy.assess(password, student);

		assertThat(assessment.acceptable()).isFalse();
		assertThat(assessment.problems()).extracting(PasswordProblem::code).contains(problem);
	}

	@ParameterizedTest(name = "{0} is accepted")
	@CsvSource(textBlock = """
			Correct-Horse-Battery-9
			纸飞机Lantern#2718wav
			tr0mbone!Harvest*Quiet
			Xq7!campus-Demo-Maple
			""")
	void longUnpredictablePasswordsAreAccepted(String password) {
		PasswordAssessment assessment = policy.assess(password, student);

		assertThat(assessment.problems()).isEmpty();
		assertThat(assessment.score()).isGreaterThanOrEqualTo(3);
	}

	@ParameterizedTest(name = "{0} scores {1}")
	@CsvSource(textBlock = """
			123456, 0
			Correct-Horse-Battery-9, 4
			""")
	void theStrengthComesFromZxcvbn(String password, int score) {
		assertThat(policy.assess(password, PersonalFacts.ofUsername("someone")).score()).isEqualTo(score);
	}

	@ParameterizedTest(name = "{0} has {1} character classes")
	@CsvSource(textBlock = """
			abc, 1
			abcDEF, 2
			abcDEF123, 3
			abcDEF123!, 4
			密码abc1, 3
			""")
	void characterClassesAreCounted(String password, int classes) {
		assertThat(PasswordPolicy.classes(password)).isEqualTo(classes);
	}

	@ParameterizedTest(name = "minimum length {0} refuses {1}")
	@CsvSource(textBlock = """
			8, Ab1!xyz
			16, Lantern#2718wav
			""")
	void theMinimumLengthIsConfigurable(int minLength, String password) {
		var strict = new PasswordPolicy(new PasswordPolicyProperties(minLength, 128, 1, 0, 0, 0, 0));
		assertThat(strict.assess(password, PersonalFacts.ofUsername("x")).problems()).contains(PasswordProblem.TOO_SHORT);
		var lenient = new PasswordPolicy(new PasswordPolicyProperties(password.length(), 128, 1, 0, 0, 0, 0));
		assertThat(lenient.assess(password, PersonalFacts.ofUsername("x")).problems()).doesNotContain(PasswordProblem.TOO_SHORT);
	}
}
