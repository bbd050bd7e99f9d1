package org.onecampus.identity.internal.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.identity.internal.people.PersonUpserts;
import org.onecampus.identity.internal.people.PersonUpserts.Outcome;
import org.onecampus.identity.internal.people.PersonUpserts.PersonRecord;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates the rows of a people import and applies them whole or not at all: every row goes through
 * {@link PersonUpserts} inside one transaction (each row under a savepoint), which is rolled back on a dry run
 * or when any row has a problem.
 */
@Service
class PeopleImport {

	private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");

	private final JdbcClient jdbc;

	private final PersonUpserts upserts;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private final MessageSource messages;

	private final AuditLog audit;

	PeopleImport(JdbcClient jdbc, PersonUpserts upserts, PlatformTransactionManager transactions,
			MessageSource messages, AuditLog audit) {
		this.jdbc = jdbc;
		this.upserts = upserts;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.messages = messages;
		this.audit = audit;
	}

	ImportReport run(List<List<String>> table, boolean dryRun, Scope scope, Locale locale) {
		int header = 0;
		while (header < table.size() && table.get(header).stream().allMatch(String::isBlank)) {
			header++;
		}
		if (header == table.size()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.empty");
		}
		Map<PeopleColumns, Integer> positions = columns(table.get(header));
		List<ImportReport.RowError> errors = new ArrayList<>();
		Set<Integer> invalidRows = new HashSet<>();
		Map<Integer, PersonRecord> records = new java.util.LinkedHashMap<>();
		Set<String> identifiers = new HashSet<>();
		Map<String, Optional<UUID>> orgUnits = new HashMap<>();
		for (int i = header + 1; i < table.size(); i++) {
			List<String> cells = table.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			int rowNumber = i + 1;
			RowParse parse = new RowParse(cells, positions, orgUnits);
			PersonRecord record = parse.record();
			if (record != null && !identifiers.add(record.identifier().toLowerCase(Locale.ROOT))) {
				parse.problem(PeopleColumns.IDENTIFIER, "identity.import.duplicate-identifier");
			}
			parse.problems.forEach(p -> errors.add(new ImportReport.RowError(rowNumber, p.column().key,
					message(p.code(), p.args(), locale))));
			if (parse.problems.isEmpty()) {
				records.put(rowNumber, record);
			}
			else {
				invalidRows.add(rowNumber);
			}
		}
		int total = records.size() + invalidRows.size();
		int[] counts = new int[2];
		transaction.executeWithoutResult(status -> {
			for (Map.Entry<Integer, PersonRecord> entry : records.entrySet()) {
				try {
					// Under a savepoint, so a refused row leaves nothing behind that could confuse the next rows' checks.
					Outcome outcome = savepoint.execute(s -> upserts.upsert(entry.getValue(), scope));
					counts[outcome == Outcome.CREATED ? 0 : 1]++;
				}
				catch (PlatformException ex) {
					invalidRows.add(entry.getKey());
					errors.addAll(rowErrors(entry.getKey(), ex, locale));
				}
				catch (DataAccessException ex) {
					invalidRows.add(entry.getKey());
					errors.add(new ImportReport.RowError(entry.getKey(), PeopleColumns.IDENTIFIER.key,
							message("identity.import.database", new Object[0], locale)));
				}
			}
			if (dryRun || !errors.isEmpty()) {
				status.setRollbackOnly();
			}
		});
		boolean applied = !dryRun && errors.isEmpty();
		errors.sort(java.util.Comparator.comparingInt(ImportReport.RowError::row));
		ImportReport report = new ImportReport(total, total - invalidRows.size(), List.copyOf(errors), applied,
				counts[0], counts[1]);
		if (applied) {
			audit.record("identity.people.imported", "people", Map.of("rows", total, "created", counts[0],
					"updated", counts[1]));
		}
		return report;
	}

	private Map<PeopleColumns, Integer> columns(List<String> header) {
		Map<PeopleColumns, Integer> positions = new EnumMap<>(PeopleColumns.class);
		for (int i = 0; i < header.size(); i++) {
			PeopleColumns column = PeopleColumns.byHeader(header.get(i));
			if (column != null) {
				positions.put(column, i);
			}
		}
		for (PeopleColumns required : List.of(PeopleColumns.NAME, PeopleColumns.AFFILIATION_TYPE,
				PeopleColumns.IDENTIFIER, PeopleColumns.ORG_UNIT_CODE, PeopleColumns.START_DATE)) {
			if (!positions.containsKey(required)) {
				throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.missing-column",
						required.key);
			}
		}
		return positions;
	}

	private List<ImportReport.RowError> rowErrors(int row, PlatformException ex, Locale locale) {
		if (!ex.fieldProblems().isEmpty()) {
			return ex.fieldProblems().stream().map(p -> new ImportReport.RowError(row, column(p.field()),
					message(p.messageCode(), p.args(), locale))).toList();
		}
		String column = ex.errorCode().contains("id-card") ? PeopleColumns.ID_CARD.key
				: ex.errorCode().contains("transition") ? PeopleColumns.END_DATE.key : PeopleColumns.IDENTIFIER.key;
		return List.of(new ImportReport.RowError(row, column, message("problem." + ex.errorCode() + ".detail",
				ex.args(), locale)));
	}

	private static String column(String field) {
		return switch (field) {
			case "type" -> PeopleColumns.AFFILIATION_TYPE.key;
			case "orgUnitId" -> PeopleColumns.ORG_UNIT_CODE.key;
			case "status" -> PeopleColumns.AFFILIATION_TYPE.key;
			default -> field;
		};
	}

	private String message(String code, Object[] args, Locale locale) {
		return messages.getMessage(code, args, code, locale);
	}

	private record Problem(PeopleColumns column, String code, Object[] args) {
	}

	/** Parses one row into a {@link PersonRecord}, collecting every problem rather than stopping at the first. */
	private final class RowParse {

		private final List<String> cells;

		private final Map<PeopleColumns, Integer> positions;

		private final Map<String, Optional<UUID>> orgUnits;

		final List<Problem> problems = new ArrayList<>();

		RowParse(List<String> cells, Map<PeopleColumns, Integer> positions, Map<String, Optional<UUID>> orgUnits) {
			this.cells = cells;
			this.positions = positions;
			this.orgUnits = orgUnits;
		}

		PersonRecord record() {
			String name = required(PeopleColumns.NAME, 100);
			String nameEn = optional(PeopleColumns.NAME_EN, 200);
			String gender = gender(optional(PeopleColumns.GENDER, 8));
			String phone = optional(PeopleColumns.PHONE, 32);
			if (phone != null && !phone.matches("\\+?[0-9]{5,20}")) {
				problem(PeopleColumns.PHONE, "identity.import.phone");
			}
			String email = optional(PeopleColumns.EMAIL, 200);
			if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
				problem(PeopleColumns.EMAIL, "identity.import.email");
			}
			String idCard = optional(PeopleColumns.ID_CARD, 18);
			String type = required(PeopleColumns.AFFILIATION_TYPE, 32);
			if (type != null) {
				type = type.toUpperCase(Locale.ROOT);
				if (!PersonUpserts.isKnownType(type)) {
					problem(PeopleColumns.AFFILIATION_TYPE, "identity.import.type");
				}
			}
			String identifier = required(PeopleColumns.IDENTIFIER, 64);
			if (identifier != null && !identifier.matches("[A-Za-z0-9_.-]+")) {
				problem(PeopleColumns.IDENTIFIER, "identity.import.identifier");
			}
			UUID orgUnit = orgUnit(required(PeopleColumns.ORG_UNIT_CODE, 64));
			LocalDate start = date(PeopleColumns.START_DATE, required(PeopleColumns.START_DATE, 20));
			LocalDate end = date(PeopleColumns.END_DATE, optional(PeopleColumns.END_DATE, 20));
			if (identifier == null) {
				return null;
			}
			return new PersonRecord(name, nameEn, gender, phone, email, idCard, type, identifier, orgUnit, start, end);
		}

		void problem(PeopleColumns column, String code, Object... args) {
			problems.add(new Problem(column, code, args));
		}

		private String optional(PeopleColumns column, int max) {
			Integer position = positions.get(column);
			String value = position == null || position >= cells.size() ? "" : cells.get(position).trim();
			if (value.length() > max) {
				problem(column, "identity.import.too-long", max);
				return null;
			}
			return value.isEmpty() ? null : value;
		}

		private String required(PeopleColumns column, int max) {
			String value = optional(column, max);
			if (value == null && problems.stream().noneMatch(p -> p.column() == column)) {
				problem(column, "identity.import.required");
			}
			return value;
		}

		private String gender(String value) {
			if (value == null) {
				return null;
			}
			return switch (value.toUpperCase(Locale.ROOT)) {
				case "M", "男" -> "M";
				case "F", "女" -> "F";
				default -> {
					problem(PeopleColumns.GENDER, "identity.import.gender");
					yield null;
				}
			};
		}

		private UUID orgUnit(String code) {
			if (code == null) {
				return null;
			}
			Optional<UUID> id = orgUnits.computeIfAbsent(code.toLowerCase(Locale.ROOT), c -> jdbc
				.sql("select id from identity_org_unit where lower(code) = :c").param("c", c).query(UUID.class).optional());
			if (id.isEmpty()) {
				problem(PeopleColumns.ORG_UNIT_CODE, "identity.import.org-unit", code);
			}
			return id.orElse(null);
		}

		private LocalDate date(PeopleColumns column, String value) {
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
	}
}
