package org.onecampus.identity.internal.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;

/**
 * One sheet of an import: the first non-blank row is the header (in either language, columns in any order), the
 * non-blank rows after it are data rows.
 */
final class ImportSheet<C extends Enum<C> & Column> {

	private final List<List<String>> table;

	private final int header;

	private final Map<C, Integer> positions;

	private ImportSheet(List<List<String>> table, int header, Map<C, Integer> positions) {
		this.table = table;
		this.header = header;
		this.positions = positions;
	}

	/** @throws PlatformException 422 when the sheet has no header row or lacks a required column */
	static <C extends Enum<C> & Column> ImportSheet<C> of(List<List<String>> table, Class<C> type, List<C> required) {
		int header = 0;
		while (header < table.size() && table.get(header).stream().allMatch(String::isBlank)) {
			header++;
		}
		if (header == table.size()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.empty");
		}
		Map<C, Integer> positions = new EnumMap<>(type);
		List<String> cells = table.get(header);
		for (int i = 0; i < cells.size(); i++) {
			String h = cells.get(i).trim();
			for (C column : type.getEnumConstants()) {
				if (column.key().equalsIgnoreCase(h) || column.chinese().equals(h)) {
					positions.putIfAbsent(column, i);
				}
			}
		}
		for (C column : required) {
			if (!positions.containsKey(column)) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.missing-column", column.key());
			}
		}
		return new ImportSheet<>(table, header, positions);
	}

	/** The non-blank data rows, numbered as the spreadsheet numbers them (the first row is 1). */
	List<Cells<C>> rows() {
		List<Cells<C>> rows = new ArrayList<>();
		for (int i = header + 1; i < table.size(); i++) {
			if (!table.get(i).stream().allMatch(String::isBlank)) {
				rows.add(new Cells<>(i + 1, table.get(i), positions));
			}
		}
		return rows;
	}

	record Problem(Column column, String code, Object[] args) {
	}

	/** The cells of one data row, read column by column; every problem is collected rather than the first thrown. */
	static final class Cells<C extends Enum<C> & Column> {

		private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

		final int row;

		final List<Problem> problems = new ArrayList<>();

		private final List<String> cells;

		private final Map<C, Integer> positions;

		Cells(int row, List<String> cells, Map<C, Integer> positions) {
			this.row = row;
			this.cells = cells;
			this.positions = positions;
		}

		void problem(C column, String code, Object... args) {
			problems.add(new Problem(column, code, args));
		}

		boolean has(C column) {
			return problems.stream().anyMatch(p -> p.column() == column);
		}

		/** The trimmed text; null when blank or too long (a problem then). */
		String optional(C column, int max) {
			Integer position = positions.get(column);
			String value = position == null || position >= cells.size() ? "" : cells.get(position).trim();
			if (value.length() > max) {
				problem(column, "identity.import.too-long", max);
				return null;
			}
			return value.isEmpty() ? null : value;
		}

		String required(C column, int max) {
			String value = optional(column, max);
			if (value == null && !has(column)) {
				problem(column, "identity.import.required");
			}
			return value;
		}

		/** A code or 学号/工号: letters, digits, _ . and - */
		String code(C column, boolean required) {
			String value = required ? required(column, 64) : optional(column, 64);
			if (value != null && !value.matches("[A-Za-z0-9_.-]+")) {
				problem(column, "identity.import.identifier");
			}
			return value;
		}

		/** yyyy-MM-dd or yyyy/M/d (Excel dates arrive as yyyy-MM-dd). */
		LocalDate date(C column) {
			String value = optional(column, 20);
			if (value == null) {
				return null;
			}
			try {
				return value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				problem(column, "identity.import.date");
				return null;
			}
		}

		/** A whole number from 0 to {@code max}. */
		Integer number(C column, int max) {
			String value = optional(column, 10);
			if (value == null) {
				return null;
			}
			try {
				int number = Integer.parseInt(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
				if (number >= 0 && number <= max) {
					return number;
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
			problem(column, "identity.import.number", max);
			return null;
		}
	}
}
