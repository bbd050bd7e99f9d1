package org.onecampus.identity.internal.passwords;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KeyboardPatternsTests {

	@ParameterizedTest(name = "{0} is a pattern: {1}")
	@CsvSource(textBlock = """
			Abc@123, true
			Qwer1234, true
			1qaz2wsx, true
			1qaz@WSX, true
			qweasdzxc, true
			987654321, true
			aaa111bbb, true
			asdf;lkj, true
			zyx!321, true
			Lantern2718, false
			Xq7!campus-Demo, false
			ab, false
			""")
	void recognisesKeyboardRunsSequencesAndRepeats(String password, boolean pattern) {
		assertThat(KeyboardPatterns.isPattern(password)).isEqualTo(pattern);
	}
}
