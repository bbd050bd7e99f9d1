package org.onecampus.identity.internal.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.HttpStatus;

/** Reads an uploaded CSV (UTF-8, with or without BOM, RFC 4180 quoting) or .xlsx file into rows of text cells. */
final class Tables {

	private Tables() {
	}

	/** The first sheet of a workbook, or the rows of a CSV. */
	static List<List<String>> read(String filename, byte[] content) {
		return sheets(filename, content).values().iterator().next();
	}

	/**
	 * Every sheet of a workbook by its name, in workbook order; a CSV is one sheet named after the file.
	 * @throws PlatformException 415 for other file types, 422 when the file cannot be read
	 */
	static Map<String, List<List<String>>> sheets(String filename, byte[] content) {
		String name = filename == null ? "" : filename.toLowerCase();
		if (name.endsWith(".xlsx")) {
			return xlsx(content);
		}
		if (name.endsWith(".csv")) {
			return Map.of(filename.substring(0, filename.length() - 4), csv(content));
		}
		throw new PlatformException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "identity.import.file-type");
	}

	static List<List<String>> csv(byte[] content) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
		}
		catch (CharacterCodingException ex) {
			throw unreadable();
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw unreadable();
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	static Map<String, List<List<String>>> xlsx(byte[] content) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw unreadable();
			}
			DataFormatter formatter = new DataFormatter();
			Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
			for (Sheet sheet : workbook) {
				List<List<String>> rows = new ArrayList<>();
				for (int r = 0; r <= sheet.getLastRowNum(); r++) {
					Row row = sheet.getRow(r);
					List<String> cells = new ArrayList<>();
					if (row != null) {
						for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
							cells.add(text(row.getCell(c), formatter));
						}
					}
					rows.add(cells);
				}
				sheets.put(sheet.getSheetName(), rows);
			}
			return sheets;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PlatformException platform) {
				throw platform;
			}
			throw unreadable();
		}
	}

	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
		}
		return formatter.formatCellValue(cell);
	}

	private static PlatformException unreadable() {
		return new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.unreadable");
	}
}
