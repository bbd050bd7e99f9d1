package org.onecampus.identity.internal.passwords;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.onecampus.identity.internal.imports.Spreadsheets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The weak-password reports as file downloads. */
final class Downloads {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Downloads() {
	}

	static ResponseEntity<byte[]> csv(String filename, List<List<String>> rows) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(Spreadsheets.csv(rows));
	}

	static ResponseEntity<byte[]> xlsx(String filename, String sheet, List<List<String>> rows) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.contentType(MediaType.parseMediaType(XLSX))
			.body(Spreadsheets.xlsx(sheet, rows));
	}
}
