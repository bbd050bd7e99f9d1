package org.onecampus.identity.internal.imports;

import java.util.List;
import java.util.Locale;

/** The downloadable import templates: the header row in the reader's language and one example row. */
final class Templates {

	private Templates() {
	}

	static byte[] csv(Locale locale) {
		return Spreadsheets.csv(rows(locale));
	}

	static byte[] xlsx(Locale locale) {
		return Spreadsheets.xlsx("people", rows(locale));
	}

	private static List<List<String>> rows(Locale locale) {
		return List.of(PeopleColumns.headers(locale), PeopleColumns.example());
	}
}
