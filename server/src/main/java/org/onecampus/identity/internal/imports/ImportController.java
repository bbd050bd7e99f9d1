package org.onecampus.identity.internal.imports;

import java.io.IOException;
import java.util.Locale;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import of people with their affiliation from CSV or Excel, whole or not at all. */
@RestController
class ImportController {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final PeopleImport imports;

	private final AdminScope scopes;

	ImportController(PeopleImport imports, AdminScope scopes) {
		this.imports = imports;
		this.scopes = scopes;
	}

	@GetMapping("/api/v1/identity/imports/templates/people.csv")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	ResponseEntity<byte[]> csvTemplate(Locale locale) {
		return download(Templates.csv(locale), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				"people.csv");
	}

	@GetMapping("/api/v1/identity/imports/templates/people.xlsx")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	ResponseEntity<byte[]> xlsxTemplate(Locale locale) {
		return download(Templates.xlsx(locale), XLSX, "people.xlsx");
	}

	/**
	 * @return 200 with the report when applied or on a dry run; 422 with the report when a row has a problem
	 */
	@PostMapping(path = "/api/v1/identity/imports/people", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('identity:person:manage')")
	ResponseEntity<ImportReport> importPeople(@AuthenticationPrincipal CampusUser user,
			@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			Locale locale) throws IOException {
		if (file.getSize() > MAX_BYTES) {
			throw new PlatformException(HttpStatus.CONTENT_TOO_LARGE, "identity.import.too-large", 10);
		}
		if (file.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.empty");
		}
		ImportReport report = imports.run(Tables.read(file.getOriginalFilename(), file.getBytes()), dryRun,
				scopes.of(user, "identity:person:manage"), locale);
		return ResponseEntity.status(report.errors().isEmpty() || dryRun ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
			.body(report);
	}

	private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(content);
	}
}
