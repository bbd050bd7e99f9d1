package org.onecampus.identity.internal.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.imports.ImportSheet.Cells;
import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.identity.internal.org.OrgUnitEditing;
import org.onecampus.identity.internal.org.OrgUnitEditing.Stored;
import org.onecampus.identity.internal.org.OrgUnitEditing.UnitData;

import org.springframework.stereotype.Service;

/**
 * The org unit sheet: each row creates a unit or, when its code exists, updates its names, type, parent (moving its
 * whole subtree), dates and sort order, through {@link OrgUnitEditing}, the rules of the administration API. Rows
 * apply in file order, so a parent may be a unit created by an earlier row; a later one is an unknown parent. A
 * row that would put a unit below itself, close a unit still in use or reach outside the administrator's subtree is
 * reported on its row.
 */
@Service
class OrgUnitImport implements SheetImport {

	private static final List<OrgUnitColumns> REQUIRED = List.of(OrgUnitColumns.CODE, OrgUnitColumns.NAME,
			OrgUnitColumns.TYPE, OrgUnitColumns.PARENT_CODE);

	private final OrgUnitEditing editing;

	OrgUnitImport(OrgUnitEditing editing) {
		this.editing = editing;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.ORG_UNITS;
	}

	@Override
	public void apply(List<List<String>> table, ImportRun run) {
		Set<String> codes = new HashSet<>();
		for (Cells<OrgUnitColumns> row : ImportSheet.of(table, OrgUnitColumns.class, REQUIRED).rows()) {
			run.read(kind());
			String code = row.code(OrgUnitColumns.CODE, true);
			String name = row.required(OrgUnitColumns.NAME, 200);
			String nameEn = row.optional(OrgUnitColumns.NAME_EN, 200);
			String type = row.required(OrgUnitColumns.TYPE, 32);
			if (type != null) {
				type = type.toUpperCase(Locale.ROOT);
				if (!OrgUnitEditing.isKnownType(type)) {
					row.problem(OrgUnitColumns.TYPE, "identity.import.org-unit-type");
				}
			}
			String parentCode = row.code(OrgUnitColumns.PARENT_CODE, false);
			UnitData data = new UnitData(code, name, nameEn, type, null, row.date(OrgUnitColumns.VALID_FROM),
					row.date(OrgUnitColumns.VALID_TO), row.number(OrgUnitColumns.SORT_ORDER, 99999));
			if (code != null && !codes.add(code.toLowerCase(Locale.ROOT))) {
				row.problem(OrgUnitColumns.CODE, "identity.import.duplicate-code");
			}
			Optional<Stored> existing = code == null ? Optional.empty() : editing.byCode(code);
			UUID parent = parent(row, parentCode, existing, run.scope(kind()));
			if (existing.isPresent() && !run.scope(kind()).covers(existing.get().id())) {
				row.problem(OrgUnitColumns.CODE, "identity.import.outside-scope", code);
			}
			if (run.reportProblems(kind(), row)) {
				continue;
			}
			UnitData unit = new UnitData(data.code(), data.name(), data.nameEn(), data.type(), parent, data.validFrom(),
					data.validTo(), data.sortOrder());
			run.apply(kind(), row.row, () -> {
				if (existing.isPresent()) {
					editing.change(existing.get().id(), unit, run.scope(kind()));
					return false;
				}
				run.widen(parent, editing.create(unit, run.scope(kind())));
				return true;
			}, OrgUnitImport::column);
		}
	}

	/** The parent's id: empty only for an existing root that stays one. */
	private UUID parent(Cells<OrgUnitColumns> row, String parentCode, Optional<Stored> existing, Scope scope) {
		if (parentCode == null) {
			boolean staysRoot = existing.isPresent() && existing.get().parentId() == null;
			if (!staysRoot && !row.has(OrgUnitColumns.PARENT_CODE)) {
				row.problem(OrgUnitColumns.PARENT_CODE, "identity.import.required");
			}
			return null;
		}
		Optional<Stored> parent = editing.byCode(parentCode);
		if (parent.isEmpty()) {
			row.problem(OrgUnitColumns.PARENT_CODE, "identity.import.unknown-parent", parentCode);
			return null;
		}
		if (!scope.covers(parent.get().id())) {
			row.problem(OrgUnitColumns.PARENT_CODE, "identity.import.outside-scope", parentCode);
		}
		return parent.get().id();
	}

	private static String column(String fieldOrCode) {
		return switch (fieldOrCode) {
			case "validTo", "identity.org-unit-in-use", "identity.org-unit-open-children" -> OrgUnitColumns.VALID_TO.key();
			case "parentId", "identity.org-unit-cycle" -> OrgUnitColumns.PARENT_CODE.key();
			default -> OrgUnitColumns.CODE.key();
		};
	}
}
