package org.onecampus.identity.internal.imports;

import java.util.List;

/** Validates and applies the rows of one kind of import sheet, inside the import's transaction. */
interface SheetImport {

	ImportKind kind();

	/**
	 * Reports every row's problems to {@code run} and applies the valid rows; the caller rolls everything back when
	 * any row of any sheet has a problem.
	 * @throws org.onecampus.kernel.error.PlatformException 422 when the sheet itself is unusable (no header, a
	 *     required column missing)
	 */
	void apply(List<List<String>> table, ImportRun run);
}
