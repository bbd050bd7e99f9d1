package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The downloadable import templates: the header row in the reader's language and one example row. */
final class Templates {

	private Templates() {
	}

	/** UTF-8 with a BOM, so that Excel opens the Chinese headers correctly. */
	static byte[] csv(Locale locale) {
		StringBuilder text = new StringBuilder("\uFEFF");
		text.append(String.join(",", PeopleColumns.headers(locale))).append("\r\n");
		text.append(String.join(",", PeopleColumns.example())).append("\r\n");
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static byte[] xlsx(Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("people");
			write(sheet.createRow(0), PeopleColumns.headers(locale));
			write(sheet.createRow(1), PeopleColumns.example());
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
