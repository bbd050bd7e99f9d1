package org.onecampus.hall.internal.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of a text for search: one entry per searchable character with every reading of it (polyphones such as
 * 长 chang/zhang, 行 xing/hang, 重 zhong/chong keep all), without tones, ü written as v; Latin letters and digits
 * stand for themselves; other characters are skipped.
 */
final class PinyinText {

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private PinyinText() {
	}

	/** @return the readings of each searchable character of {@code text}, in order */
	static List<List<String>> syllables(String text) {
		List<List<String>> syllables = new ArrayList<>();
		if (text == null) {
			return syllables;
		}
		for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
			if (isHan(c)) {
				Set<String> readings = new LinkedHashSet<>();
				try {
					String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
					if (found != null) {
						for (String reading : found) {
							readings.add(reading.replace("u:", "v"));
						}
					}
				}
				catch (BadHanyuPinyinOutputFormatCombination ex) {
					throw new IllegalStateException(ex);
				}
				if (!readings.isEmpty()) {
					syllables.add(List.copyOf(readings));
				}
			}
			else if (Character.isLetterOrDigit(c) && c < 128) {
				syllables.add(List.of(String.valueOf(c)));
			}
		}
		return syllables;
	}

	/** @return up to {@code limit} full-pinyin spellings of the text (first readings first) */
	static List<String> spellings(List<List<String>> syllables, int limit) {
		List<StringBuilder> spellings = new ArrayList<>(List.of(new StringBuilder()));
		for (List<String> readings : syllables) {
			List<StringBuilder> next = new ArrayList<>();
			for (StringBuilder prefix : spellings) {
				for (String reading : readings) {
					if (next.size() < limit) {
						next.add(new StringBuilder(prefix).append(reading));
					}
				}
			}
			spellings = next;
		}
		return spellings.stream().map(StringBuilder::toString).toList();
	}

	static boolean isHan(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
	}
}
