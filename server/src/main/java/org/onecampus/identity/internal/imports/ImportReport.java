package org.onecampus.identity.internal.imports;

import java.util.List;

/**
 * The validation report of an import.
 * @param rows data rows read (the header not counted)
 * @param valid rows without a problem
 * @param errors one entry per problem: spreadsheet row number (the header is row 1), column key, localized message
 * @param applied whether the rows were written
 * @param created people created (when applied, or would be on a dry run)
 * @param updated people updated by 学号/工号
 */
record ImportReport(int rows, int valid, List<RowError> errors, boolean applied, int created, int updated) {

	record RowError(int row, String column, String message) {
	}
}
