package org.onecampus.identity.internal.imports;

import java.util.List;

/**
 * The validation report of an import.
 * @param rows data rows read over all sheets (header rows not counted)
 * @param valid rows without a problem
 * @param errors one entry per problem: sheet kind, spreadsheet row number (the header is row 1), column key,
 *     localized message; sorted by kind in the order they apply, then row
 * @param applied whether the rows were written
 * @param created records created (when applied, or would be on a dry run)
 * @param updated records updated (people by 学号/工号, org units by code, positions by holder, unit and kind)
 * @param kinds the same figures per kind, for the kinds the import carried
 */
record ImportReport(int rows, int valid, List<RowError> errors, boolean applied, int created, int updated,
		List<KindCount> kinds) {

	record RowError(String kind, int row, String column, String message) {
	}

	record KindCount(String kind, int rows, int created, int updated) {
	}
}
