package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The downloadable import templates: the header row in the reader's language and one example row per kind; the
 * workbook of a mixed import has one sheet per kind, named in the reader's language, whose examples fit together.
 */
final class Templates {

	private Templates() {
	}

	/** UTF-8 with a BOM, so that Excel opens the Chinese headers correctly. */
	static byte[] csv(ImportKind kind, Locale locale) {
		return Spreadsheets.csv(List.of(kind.headers(locale), kind.example()));
	}

	static byte[] xlsx(List<ImportKind> kinds, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (ImportKind kind : kinds) {
				Sheet sheet = workbook.createSheet(kind.sheetName(locale));
				write(sheet.createRow(0), kind.headers(locale));
				write(sheet.createRow(1), kind.example());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Row row, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			row.createCell(i).setCellValue(values.get(i));
		}
	}
}
