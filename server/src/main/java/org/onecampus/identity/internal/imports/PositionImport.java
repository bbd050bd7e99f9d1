package org.onecampus.identity.internal.imports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.imports.ImportSheet.Cells;
import org.onecampus.identity.internal.org.OrgUnitEditing;
import org.onecampus.identity.internal.org.PositionEditing;
import org.onecampus.identity.internal.org.PositionEditing.Assignment;
import org.onecampus.identity.internal.org.PositionEditing.Outcome;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The position sheet: who (by 学号/工号) holds which position in which org unit (by code), from when to when. The same
 * holder, unit and kind (and supervised student) is one position, updated when imported again. Applied after the
 * people and org unit sheets of the same import, so it may name both.
 */
@Service
class PositionImport implements SheetImport {

	private static final List<PositionColumns> REQUIRED = List.of(PositionColumns.IDENTIFIER,
			PositionColumns.ORG_UNIT_CODE, PositionColumns.KIND);

	private final JdbcClient jdbc;

	private final OrgUnitEditing units;

	private final PositionEditing positions;

	PositionImport(JdbcClient jdbc, OrgUnitEditing units, PositionEditing positions) {
		this.jdbc = jdbc;
		this.units = units;
		this.positions = positions;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.POSITIONS;
	}

	@Override
	public void apply(List<List<String>> table, ImportRun run) {
		Set<String> seen = new HashSet<>();
		Map<String, Optional<UUID>> people = new HashMap<>();
		for (Cells<PositionColumns> row : ImportSheet.of(table, PositionColumns.class, REQUIRED).rows()) {
			run.read(kind());
			UUID holder = person(row, PositionColumns.IDENTIFIER, row.code(PositionColumns.IDENTIFIER, true), people);
			String unitCode = row.code(PositionColumns.ORG_UNIT_CODE, true);
			UUID unit = null;
			if (unitCode != null) {
				unit = units.byCode(unitCode).map(OrgUnitEditing.Stored::id).orElse(null);
				if (unit == null) {
					row.problem(PositionColumns.ORG_UNIT_CODE, "identity.import.org-unit", unitCode);
				}
				else if (!run.scope(kind()).covers(unit)) {
					row.problem(PositionColumns.ORG_UNIT_CODE, "identity.import.outside-scope", unitCode);
				}
			}
			String kind = row.required(PositionColumns.KIND, 32);
			if (kind != null) {
				kind = kind.toUpperCase(Locale.ROOT);
				if (!PositionEditing.isKnownKind(kind)) {
					row.problem(PositionColumns.KIND, "identity.import.position-kind");
				}
			}
			UUID subject = person(row, PositionColumns.SUBJECT_IDENTIFIER, row.code(PositionColumns.SUBJECT_IDENTIFIER, false),
					people);
			Assignment assignment = new Assignment(holder, unit, kind, subject, row.date(PositionColumns.START_DATE),
					row.date(PositionColumns.END_DATE));
			if (row.problems.isEmpty() && !seen.add(holder + "/" + unit + "/" + kind + "/" + subject)) {
				row.problem(PositionColumns.IDENTIFIER, "identity.import.duplicate-position");
			}
			if (run.reportProblems(kind(), row)) {
				continue;
			}
			run.apply(kind(), row.row, () -> positions.assignOrUpdate(assignment, run.scope(kind())) == Outcome.CREATED,
					PositionImport::column);
		}
	}

	private UUID person(Cells<PositionColumns> row, PositionColumns column, String identifier,
			Map<String, Optional<UUID>> people) {
		if (identifier == null) {
			return null;
		}
		Optional<UUID> id = people.computeIfAbsent(identifier.toLowerCase(Locale.ROOT), i -> jdbc
			.sql("select person_id from identity_affiliation where lower(identifier) = :i").param("i", i)
			.query(UUID.class).optional());
		if (id.isEmpty()) {
			row.problem(column, "identity.import.unknown-person", identifier);
		}
		return id.orElse(null);
	}

	private static String column(String fieldOrCode) {
		return switch (fieldOrCode) {
			case "subjectPersonId" -> PositionColumns.SUBJECT_IDENTIFIER.key();
			case "endDate" -> PositionColumns.END_DATE.key();
			default -> PositionColumns.IDENTIFIER.key();
		};
	}
}
