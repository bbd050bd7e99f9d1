package org.onecampus.hall.internal.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Relevance of an item for a query the way Chinese users search: the query is split into words at spaces and
 * between Chinese and Latin runs ({@code vpn申请} → {@code vpn}, {@code 申请}); every word must match the item.
 * A Chinese word matches the names, keywords and summaries, or with one or two typos (edit distance) the name and
 * keywords. A Latin word matches English words, and the pinyin of the Chinese name and keywords in full, by
 * initials or mixed ({@code zaixuezhengming}, {@code zxzm}, {@code zaixzm}; every reading of a polyphone counts),
 * or with small typos the English name and the full pinyin. Scores add up; callers add a bonus for use.
 */
final class ServiceSearch {

	private ServiceSearch() {
	}

	/** @return the query's words, lower case; empty for a blank query */
	static List<String> words(String query) {
		List<String> words = new ArrayList<>();
		if (query == null) {
			return words;
		}
		for (String piece : query.toLowerCase(Locale.ROOT).trim().split("[\\s,，、;；]+")) {
			StringBuilder run = new StringBuilder();
			Boolean han = null;
			for (char c : piece.toCharArray()) {
				boolean isHan = PinyinText.isHan(c);
				if (!isHan && !Character.isLetterOrDigit(c) && c != '-' && c != '.') {
					continue;
				}
				if (han != null && han != isHan && !run.isEmpty()) {
					words.add(run.toString());
					run.setLength(0);
				}
				han = isHan;
				run.append(c);
			}
			if (!run.isEmpty()) {
				words.add(run.toString());
			}
		}
		return words;
	}

	/** @return the item's relevance for the words; 0 when a word does not match at all */
	static double score(SearchDocument doc, List<String> words) {
		double total = 0;
		for (String word : words) {
			double score = word.chars().anyMatch(c -> PinyinText.isHan((char) c)) ? chinese(doc, word) : latin(doc, word);
			if (score <= 0) {
				return 0;
			}
			total += score;
		}
		return total;
	}

	private static double chinese(SearchDocument doc, String word) {
		String name = doc.names().isEmpty() ? "" : doc.names().get(0);
		if (name.equals(word)) {
			return 120;
		}
		if (name.startsWith(word)) {
			return 100;
		}
		if (name.contains(word)) {
			return 80;
		}
		if (doc.keywords().stream().anyMatch(k -> k.contains(word))) {
			return 60;
		}
		if (doc.summaries().stream().anyMatch(s -> s.contains(word))) {
			return 30;
		}
		int allowed = allowedTypos(word.length(), 3, 6);
		if (allowed > 0) {
			int distance = Math.min(fuzzy(word, name),
					doc.keywords().stream().mapToInt(k -> fuzzy(word, k)).min().orElse(Integer.MAX_VALUE));
			if (distance <= allowed) {
				return 40 - 10 * distance;
			}
		}
		return 0;
	}

	private static double latin(SearchDocument doc, String word) {
		double best = 0;
		for (int i = 1; i < doc.names().size(); i++) {
			String name = doc.names().get(i);
			if (name.startsWith(word) || name.contains(" " + word)) {
				best = Math.max(best, 70);
			}
			else if (name.contains(word)) {
				best = Math.max(best, 50);
			}
		}
		int pinyin = pinyinMatch(word, doc.namePinyin());
		if (pinyin == 2) {
			best = Math.max(best, 90);
		}
		else if (pinyin == 1) {
			best = Math.max(best, 75);
		}
		if (doc.keywords().stream().anyMatch(k -> k.contains(word))
				|| doc.keywordPinyin().stream().anyMatch(k -> pinyinMatch(word, k) > 0)) {
			best = Math.max(best, 60);
		}
		if (best == 0 && doc.summaries().stream().anyMatch(s -> s.contains(word))) {
			best = 25;
		}
		int allowed = allowedTypos(word.length(), 4, 8);
		if (best == 0 && allowed > 0) {
			int distance = Integer.MAX_VALUE;
			for (int i = 1; i < doc.names().size(); i++) {
				distance = Math.min(distance, fuzzy(word, doc.names().get(i)));
			}
			for (String spelling : PinyinText.spellings(doc.namePinyin(), 8)) {
				distance = Math.min(distance, fuzzy(word, spelling));
			}
			for (String keyword : doc.keywords()) {
				distance = Math.min(distance, fuzzy(word, keyword));
			}
			for (List<List<String>> keyword : doc.keywordPinyin()) {
				for (String spelling : PinyinText.spellings(keyword, 8)) {
					distance = Math.min(distance, fuzzy(word, spelling));
				}
			}
			if (distance <= allowed) {
				best = 35 - 10 * distance;
			}
		}
		return best;
	}

	/** One typo from {@code one} characters on, two from {@code two} on. */
	private static int allowedTypos(int length, int one, int two) {
		return length >= two ? 2 : length >= one ? 1 : 0;
	}

	/**
	 * Whether the word spells a run of the syllables: each syllable by a full reading or its initial, the last one
	 * also by a prefix of a reading.
	 * @return 2 when the run starts at the first syllable, 1 elsewhere, 0 not at all
	 */
	static int pinyinMatch(String word, List<List<String>> syllables) {
		for (int start = 0; start < syllables.size(); start++) {
			Boolean[][] memo = new Boolean[word.length() + 1][syllables.size() + 1];
			if (spells(word, 0, syllables, start, memo)) {
				return start == 0 ? 2 : 1;
			}
		}
		return 0;
	}

	private static boolean spells(String word, int at, List<List<String>> syllables, int index, Boolean[][] memo) {
		if (at == word.length()) {
			return true;
		}
		if (index == syllables.size()) {
			return false;
		}
		if (memo[at][index] != null) {
			return memo[at][index];
		}
		boolean result = false;
		String rest = word.substring(at);
		for (String reading : syllables.get(index)) {
			if (reading.startsWith(rest)
					|| rest.startsWith(reading) && spells(word, at + reading.length(), syllables, index + 1, memo)
					|| rest.charAt(0) == reading.charAt(0) && spells(word, at + 1, syllables, index + 1, memo)) {
				result = true;
				break;
			}
		}
		memo[at][index] = result;
		return result;
	}

	/**
	 * @return the fewest edits (insert, delete, substitute, swap of neighbours) that turn {@code word} into some
	 * part of {@code text} (approximate substring matching)
	 */
	static int fuzzy(String word, String text) {
		int m = word.length();
		int n = text.length();
		int[][] d = new int[m + 1][n + 1];
		for (int i = 0; i <= m; i++) {
			d[i][0] = i;
		}
		int best = m;
		for (int i = 1; i <= m; i++) {
			for (int j = 1; j <= n; j++) {
				int cost = word.charAt(i - 1) == text.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && word.charAt(i - 1) == text.charAt(j - 2) && word.charAt(i - 2) == text.charAt(j - 1)) {
					value = Math.min(value, d[i - 2][j - 2] + 1);
				}
				d[i][j] = value;
			}
		}
		for (int j = 0; j <= n; j++) {
			best = Math.min(best, d[m][j]);
		}
		return best;
	}
}
