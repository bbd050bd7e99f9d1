package org.onecampus.identity.internal.passwords;

import java.util.List;
import java.util.Locale;

/**
 * Recognises passwords built only from runs people type without thinking: keyboard rows and
 * columns ({@code qwer}, {@code 1qaz2wsx}), alphabet and digit sequences ({@code abc}, {@code 123},
 * forwards or backwards) and repeats ({@code aaa}), with symbols and case ignored, so that
 * {@code Abc@123}, {@code Qwer1234} and {@code 1qaz@WSX} are all recognised.
 */
final class KeyboardPatterns {

	private static final int MIN_RUN = 3;

	private static final List<String> RUNS = withReversed(List.of("abcdefghijklmnopqrstuvwxyz", "01234567890",
			"qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
			"qazwsxedcrfvtgbyhnujmikolp", "zaq1xsw2cde3vfr4bgt5nhy6mju7ki8lo9p0", "qweasdzxc", "147258369",
			"123456789", "741852963", "159753", "1qazxsw2", "2wsxcde3", "3edcvfr4"));

	private KeyboardPatterns() {
	}

	/**
	 * @param password the candidate; not null
	 * @return whether its letters and digits split wholly into keyboard runs, sequences and repeats
	 */
	static boolean isPattern(String password) {
		String s = password.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
		if (s.length() < MIN_RUN) {
			return false;
		}
		// covered[i]: the first i characters split into runs of at least MIN_RUN
		boolean[] covered = new boolean[s.length() + 1];
		covered[0] = true;
		for (int end = MIN_RUN; end <= s.length(); end++) {
			for (int start = 0; start <= end - MIN_RUN && !covered[end]; start++) {
				covered[end] = covered[start] && isRun(s.substring(start, end));
			}
		}
		return covered[s.length()];
	}

	private static boolean isRun(String piece) {
		if (piece.chars().distinct().count() == 1) {
			return true;
		}
		return RUNS.stream().anyMatch(run -> run.contains(piece));
	}

	private static List<String> withReversed(List<String> runs) {
		return runs.stream().flatMap(run -> java.util.stream.Stream.of(run, new StringBuilder(run).reverse().toString()))
			.toList();
	}
}
