package org.onecampus.messaging.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fills {@code {{variable}}} placeholders (names of letters, digits, {@code _ . -}). */
final class TemplateText {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]+)\\s*}}");

	private TemplateText() {
	}

	/** @return the placeholder names in order of first appearance */
	static Set<String> variables(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** @return the names used in {@code text} that {@code values} lacks */
	static List<String> missing(String text, Map<String, String> values) {
		List<String> missing = new ArrayList<>();
		for (String name : variables(text)) {
			if (values.get(name) == null) {
				missing.add(name);
			}
		}
		return missing;
	}

	/** Replaces every placeholder; the caller has checked that none is missing. */
	static String render(String text, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
		}
		m.appendTail(out);
		return out.toString();
	}
}
