package org.onecampus.identity.internal.demo;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * 18-digit citizen identity numbers (公民身份号码, GB 11643-1999): a 6-digit area code, the birth date
 * as {@code yyyyMMdd}, a 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2
 * check character ({@code 0}–{@code 9} or {@code X}).
 * <p>
 * The demo university only uses the area codes in {@link #DEMO_AREA_CODES}, which all start with
 * {@code 99}: no province has that code in GB/T 2260 (provinces run from 11 to 82), and the 2023
 * foreign permanent residence ID card, which starts with {@code 9}, follows it with a province code
 * that cannot be {@code 9x}. So a demo number is well-formed but is never anyone's real number.
 */
public final class ChineseIdNumbers {

	/** Unassigned area codes (prefix {@code 99}) used for every demo person. */
	public static final List<String> DEMO_AREA_CODES = List.of("990101", "990102", "990203", "990205", "990301",
			"990402", "990503", "990601", "990708");

	/** The prefix that no real area code has. */
	public static final String UNASSIGNED_PREFIX = "99";

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_CHARACTERS = "10X98765432";

	private ChineseIdNumbers() {
	}

	/**
	 * @param first17 the first 17 characters, all digits
	 * @return the check character, {@code '0'}–{@code '9'} or {@code 'X'}
	 * @throws IllegalArgumentException when {@code first17} is not 17 digits
	 */
	public static char checkDigit(CharSequence first17) {
		if (first17 == null || first17.length() != 17) {
			throw new IllegalArgumentException("Expected the first 17 digits of an identity number");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			char c = first17.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException("Expected the first 17 digits of an identity number");
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_CHARACTERS.charAt(sum % 11);
	}

	/**
	 * @param number a candidate, may be null
	 * @return whether it has 17 digits, a real calendar birth date and the right check character
	 *     (upper-case {@code X}); the area code is not checked
	 */
	public static boolean isWellFormed(String number) {
		if (number == null || number.length() != 18) {
			return false;
		}
		for (int i = 0; i < 17; i++) {
			if (number.charAt(i) < '0' || number.charAt(i) > '9') {
				return false;
			}
		}
		if (birthDateOrNull(number) == null) {
			return false;
		}
		return number.charAt(17) == checkDigit(number.subSequence(0, 17));
	}

	/**
	 * @param number a well-formed number
	 * @return the birth date it encodes
	 * @throws IllegalArgumentException when the number is not well-formed
	 */
	public static LocalDate birthDate(String number) {
		if (!isWellFormed(number)) {
			throw new IllegalArgumentException("Not a well-formed identity number");
		}
		return birthDateOrNull(number);
	}

	/**
	 * @param areaCode six digits
	 * @param birthDate the holder's birth date
	 * @param sequence 0–999; odd for men, even for women
	 * @return the 18-character number with its check character
	 * @throws IllegalArgumentException when the area code or sequence is out of range
	 */
	public static String compose(String areaCode, LocalDate birthDate, int sequence) {
		if (areaCode == null || !areaCode.matches("\\d{6}") || sequence < 0 || sequence > 999
				|| birthDate.getYear() < 1000 || birthDate.getYear() > 9999) {
			throw new IllegalArgumentException("Area code must be 6 digits and the sequence 0-999");
		}
		String first17 = areaCode + "%04d%02d%02d%03d".formatted(birthDate.getYear(), birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), sequence);
		return first17 + checkDigit(first17);
	}

	/** @return the number with only the first 6 and the last 4 characters visible: {@code 990101********123X} */
	public static String mask(String number) {
		if (number == null || number.length() != 18) {
			throw new IllegalArgumentException("Expected an 18-character identity number");
		}
		return number.substring(0, 6) + "********" + number.substring(14);
	}

	private static LocalDate birthDateOrNull(String number) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
					Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
			return date.getYear() >= 1800 ? date : null;
		}
		catch (DateTimeException ex) {
			return null;
		}
	}
}
