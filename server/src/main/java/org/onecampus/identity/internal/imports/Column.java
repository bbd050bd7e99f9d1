package org.onecampus.identity.internal.imports;

import java.util.Locale;

/**
 * A column of an import sheet: a stable key (the English header and the report's column: the enum constant's name
 * in camel case, {@code ORG_UNIT_CODE} → {@code orgUnitCode}) and a Chinese header.
 */
interface Column {

	/** The enum constant's name. */
	String name();

	String chinese();

	default String key() {
		StringBuilder key = new StringBuilder();
		for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
			key.append(key.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
		}
		return key.toString();
	}

	default String header(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? chinese() : key();
	}
}
