package org.onecampus.identity.internal.imports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.imports.ImportSheet.Cells;
import org.onecampus.identity.internal.people.PersonUpserts;
import org.onecampus.identity.internal.people.PersonUpserts.Outcome;
import org.onecampus.identity.internal.people.PersonUpserts.PersonRecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The people sheet: each row is a person with one affiliation, created or updated by 学号/工号 through
 * {@link PersonUpserts}, the same rules as the administration API. Org unit codes are looked up inside the import's
 * transaction, so a row may name a unit the same import creates.
 */
@Service
class PeopleImport implements SheetImport {

	private static final List<PeopleColumns> REQUIRED = List.of(PeopleColumns.NAME, PeopleColumns.AFFILIATION_TYPE,
			PeopleColumns.IDENTIFIER, PeopleColumns.ORG_UNIT_CODE, PeopleColumns.START_DATE);

	private final JdbcClient jdbc;

	private final PersonUpserts upserts;

	PeopleImport(JdbcClient jdbc, PersonUpserts upserts) {
		this.jdbc = jdbc;
		this.upserts = upserts;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.PEOPLE;
	}

	@Override
	public void apply(List<List<String>> table, ImportRun run) {
		Set<String> identifiers = new HashSet<>();
		Map<String, Optional<UUID>> orgUnits = new HashMap<>();
		for (Cells<PeopleColumns> row : ImportSheet.of(table, PeopleColumns.class, REQUIRED).rows()) {
			run.read(kind());
			PersonRecord record = record(row, orgUnits);
			if (record != null && !identifiers.add(record.identifier().toLowerCase(Locale.ROOT))) {
				row.problem(PeopleColumns.IDENTIFIER, "identity.import.duplicate-identifier");
			}
			if (run.reportProblems(kind(), row)) {
				continue;
			}
			run.apply(kind(), row.row, () -> upserts.upsert(record, run.scope(kind())) == Outcome.CREATED,
					PeopleImport::column);
		}
	}

	private PersonRecord record(Cells<PeopleColumns> row, Map<String, Optional<UUID>> orgUnits) {
		String name = row.required(PeopleColumns.NAME, 100);
		String nameEn = row.optional(PeopleColumns.NAME_EN, 200);
		String gender = gender(row);
		String phone = row.optional(PeopleColumns.PHONE, 32);
		if (phone != null && !phone.matches("\\+?[0-9]{5,20}")) {
			row.problem(PeopleColumns.PHONE, "identity.import.phone");
		}
		String email = row.optional(PeopleColumns.EMAIL, 200);
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			row.problem(PeopleColumns.EMAIL, "identity.import.email");
		}
		String idCard = row.optional(PeopleColumns.ID_CARD, 18);
		String type = row.required(PeopleColumns.AFFILIATION_TYPE, 32);
		if (type != null) {
			type = type.toUpperCase(Locale.ROOT);
			if (!PersonUpserts.isKnownType(type)) {
				row.problem(PeopleColumns.AFFILIATION_TYPE, "identity.import.type");
			}
		}
		String identifier = row.code(PeopleColumns.IDENTIFIER, true);
		UUID orgUnit = orgUnit(row, orgUnits);
		LocalDate start = row.date(PeopleColumns.START_DATE);
		if (start == null && !row.has(PeopleColumns.START_DATE)) {
			row.problem(PeopleColumns.START_DATE, "identity.import.required");
		}
		LocalDate end = row.date(PeopleColumns.END_DATE);
		if (identifier == null) {
			return null;
		}
		return new PersonRecord(name, nameEn, gender, phone, email, idCard, type, identifier, orgUnit, start, end);
	}

	private static String gender(Cells<PeopleColumns> row) {
		String value = row.optional(PeopleColumns.GENDER, 8);
		if (value == null) {
			return null;
		}
		return switch (value.toUpperCase(Locale.ROOT)) {
			case "M", "男" -> "M";
			case "F", "女" -> "F";
			default -> {
				row.problem(PeopleColumns.GENDER, "identity.import.gender");
				yield null;
			}
		};
	}

	private UUID orgUnit(Cells<PeopleColumns> row, Map<String, Optional<UUID>> orgUnits) {
		String code = row.required(PeopleColumns.ORG_UNIT_CODE, 64);
		if (code == null) {
			return null;
		}
		Optional<UUID> id = orgUnits.computeIfAbsent(code.toLowerCase(Locale.ROOT), c -> jdbc
			.sql("select id from identity_org_unit where lower(code) = :c").param("c", c).query(UUID.class).optional());
		if (id.isEmpty()) {
			row.problem(PeopleColumns.ORG_UNIT_CODE, "identity.import.org-unit", code);
		}
		return id.orElse(null);
	}

	/** The column a refusal of the people administration belongs to, by field or error code. */
	private static String column(String fieldOrCode) {
		return switch (fieldOrCode) {
			case "type", "status" -> PeopleColumns.AFFILIATION_TYPE.key();
			case "orgUnitId", "resource.not-found" -> PeopleColumns.ORG_UNIT_CODE.key();
			case "name", "nameEn", "gender", "phone", "email", "idCard", "startDate", "endDate", "identifier" -> fieldOrCode;
			default -> fieldOrCode.contains("id-card") ? PeopleColumns.ID_CARD.key()
					: fieldOrCode.contains("transition") ? PeopleColumns.END_DATE.key() : PeopleColumns.IDENTIFIER.key();
		};
	}
}
