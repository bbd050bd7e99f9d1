package org.onecampus.identity.internal.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Tables of text written as downloads: CSV (UTF-8 with a byte-order mark so that Excel shows
 * Chinese, RFC 4180 quoting) and .xlsx with one sheet.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/** @param rows the header row first; null cells are written empty */
	public static byte[] csv(List<List<String>> rows) {
		StringBuilder text = new StringBuilder("\uFEFF");
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				text.append(i == 0 ? "" : ",").append(cell(row.get(i)));
			}
			text.append("\r\n");
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** @param rows the header row first; null cells are left blank */
	public static byte[] xlsx(String sheetName, List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> values = rows.get(r);
				for (int i = 0; i < values.size(); i++) {
					if (values.get(i) != null) {
						row.createCell(i).setCellValue(values.get(i));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
	public static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = value.matches("^[=+\\-@\\t\\r].*") ? "'" + value : value;
		return safe.matches(".*[,\"\\r\\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
