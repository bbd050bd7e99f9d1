package org.onecampus.identity.internal.imports;

import java.util.Locale;

/** A column of an import sheet: a stable key (the English header and the report's column) and a Chinese header. */
interface Column {

	String key();

	String chinese();

	default String header(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? chinese() : key();
	}
}
