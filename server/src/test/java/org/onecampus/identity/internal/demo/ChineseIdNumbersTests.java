package org.onecampus.identity.internal.demo;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ChineseIdNumbersTests {

	/** The two worked examples printed in GB 11643-1999 itself. */
	@ParameterizedTest
	@CsvSource({ "11010519491231002, X", "44052418800101001, 4" })
	void checkDigitMatchesTheExamplesOfTheStandard(String first17, char expected) {
		assertThat(ChineseIdNumbers.checkDigit(first17)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002X", "440524188001010014" })
	void theExamplesOfTheStandardAreWellFormed(String number) {
		assertThat(ChineseIdNumbers.isWellFormed(number)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "110105194912310021, wrong check digit", "440524188001010015, wrong check digit",
			"11010519491231002x, lower-case check character", "1101051949123100X2, X not last",
			"11010519490231002X, no 31 February", "1101051949123100, too short",
			"11010519491231002X1, too long", "11010519491231A02X, a letter in the digits" })
	void malformedNumbersAreRejected(String number, String why) {
		assertThat(ChineseIdNumbers.isWellFormed(number)).as(why).isFalse();
	}

	@Test
	void aNumberWithAnImpossibleBirthDateIsRejectedEvenWithTheRightCheckDigit() {
		String first17 = "99010119990230001";
		assertThat(ChineseIdNumbers.isWellFormed(first17 + ChineseIdNumbers.checkDigit(first17))).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	void nothingIsNotWellFormed(String number) {
		assertThat(ChineseIdNumbers.isWellFormed(number)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1101051949123100", "110105194912310021", "1101051949123100A" })
	void checkDigitNeedsSeventeenDigits(String first17) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChineseIdNumbers.checkDigit(first17));
	}

	@ParameterizedTest
	@CsvSource({ "990101, 2005-03-09, 123", "990708, 1949-12-31, 2", "990203, 2000-02-29, 999" })
	void composedNumbersAreWellFormedAndKeepTheBirthDate(String area, LocalDate born, int sequence) {
		String number = ChineseIdNumbers.compose(area, born, sequence);

		assertThat(number).hasSize(18).startsWith(area);
		assertThat(ChineseIdNumbers.isWellFormed(number)).isTrue();
		assertThat(ChineseIdNumbers.birthDate(number)).isEqualTo(born);
		assertThat(number.substring(14, 17)).isEqualTo("%03d".formatted(sequence));
	}

	@ParameterizedTest
	@CsvSource({ "99010, 1", "9901011, 1", "990101, -1", "990101, 1000" })
	void composeRejectsBadAreaCodesAndSequences(String area, int sequence) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChineseIdNumbers.compose(area, LocalDate.of(2000, 1, 1), sequence));
	}

	@Test
	void everyDemoAreaCodeIsUnassigned() {
		assertThat(ChineseIdNumbers.DEMO_AREA_CODES).isNotEmpty()
			.allSatisfy(area -> assertThat(area).hasSize(6).containsOnlyDigits().startsWith("99"));
	}

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 110105********002X", "990101200503091236, 990101********1236" })
	void maskingShowsTheFirstSixAndTheLastFour(String number, String masked) {
		assertThat(ChineseIdNumbers.mask(number)).isEqualTo(masked);
	}
}
