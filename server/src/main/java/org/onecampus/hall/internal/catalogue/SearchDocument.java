package org.onecampus.hall.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What search matches an item against, computed when the item is saved.
 * @param names the item's names (zh-CN first), lower case
 * @param keywords extra search words, lower case
 * @param summaries the summaries, lower case
 * @param namePinyin the readings of each character of the Chinese name
 * @param keywordPinyin the readings of each keyword's characters
 */
record SearchDocument(List<String> names, List<String> keywords, List<String> summaries,
		List<List<String>> namePinyin, List<List<List<String>>> keywordPinyin) {

	static SearchDocument of(ServiceItem item) {
		List<String> names = lower(ordered(item.name()));
		List<String> keywords = lower(item.keywords());
		List<String> summaries = lower(ordered(item.summary()));
		String chinese = item.name().getOrDefault("zh-CN", names.isEmpty() ? "" : names.get(0));
		List<List<List<String>>> keywordPinyin = new ArrayList<>();
		for (String keyword : item.keywords()) {
			if (keyword.chars().anyMatch(c -> PinyinText.isHan((char) c))) {
				keywordPinyin.add(PinyinText.syllables(keyword));
			}
		}
		return new SearchDocument(names, keywords, summaries, PinyinText.syllables(chinese), keywordPinyin);
	}

	private static List<String> ordered(Map<String, String> texts) {
		List<String> values = new ArrayList<>();
		if (texts.containsKey("zh-CN")) {
			values.add(texts.get("zh-CN"));
		}
		texts.forEach((language, text) -> {
			if (!language.equals("zh-CN")) {
				values.add(text);
			}
		});
		return values;
	}

	private static List<String> lower(List<String> values) {
		return values.stream().filter(v -> v != null && !v.isBlank()).map(v -> v.toLowerCase(Locale.ROOT)).toList();
	}
}
