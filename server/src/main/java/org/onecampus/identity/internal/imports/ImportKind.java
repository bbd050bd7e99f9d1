package org.onecampus.identity.internal.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an import sheet carries, in the order a mixed import applies them: org units first, so that people and
 * positions in the same import may refer to units it creates, then people, then positions.
 */
enum ImportKind {

	ORG_UNITS("org-units", "组织机构", "identity:org:manage", OrgUnitColumns.values(), OrgUnitColumns.example()),
	PEOPLE("people", "人员", "identity:person:manage", PeopleColumns.values(), PeopleColumns.example()),
	POSITIONS("positions", "职务", "identity:org:manage", PositionColumns.values(), PositionColumns.example());

	/** The kind in URLs, file names, English sheet names and the report. */
	final String key;

	/** The sheet name in Chinese templates. */
	final String chinese;

	/** The permission an import of this kind needs; its scope limits the rows. */
	final String permission;

	private final Column[] columns;

	private final List<String> example;

	ImportKind(String key, String chinese, String permission, Column[] columns, List<String> example) {
		this.key = key;
		this.chinese = chinese;
		this.permission = permission;
		this.columns = columns;
		this.example = example;
	}

	String sheetName(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? chinese : key;
	}

	List<String> headers(Locale locale) {
		return Arrays.stream(columns).map(c -> c.header(locale)).toList();
	}

	/** An example row for the templates; the three kinds' examples fit together. */
	List<String> example() {
		return example;
	}

	/** A kind by its key or a sheet name in either language (case and surrounding blanks ignored). */
	static Optional<ImportKind> byName(String name) {
		String n = name == null ? "" : name.trim();
		return Arrays.stream(values()).filter(k -> k.key.equalsIgnoreCase(n) || k.chinese.equals(n)
				|| k.name().equalsIgnoreCase(n.replace('-', '_'))).findFirst();
	}
}
