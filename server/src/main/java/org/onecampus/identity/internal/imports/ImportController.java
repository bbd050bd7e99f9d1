package org.onecampus.identity.internal.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;

/**
 * Bulk import of org units, people with their affiliation, and positions from CSV or Excel, whole or not at all:
 * one kind per upload ({@code /imports/{kind}}), or several at once ({@code /imports}: a workbook with a sheet per
 * kind, or one CSV or workbook part per kind).
 */
@RestController
class ImportController {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private static final String ANY_IMPORT = "hasAuthority('identity:person:manage') or hasAuthority('identity:org:manage')";

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Imports imports;

	ImportController(Imports imports) {
		this.imports = imports;
	}

	/**
	 * {@code people.csv}, {@code org-units.xlsx}, ...; {@code all.xlsx} is the workbook of a mixed import. The headers
	 * are in the request's language.
	 */
	@GetMapping("/api/v1/identity/imports/templates/{file}")
	@PreAuthorize(ANY_IMPORT)
	ResponseEntity<byte[]> template(@PathVariable String file, Locale locale) {
		int dot = file.lastIndexOf('.');
		String name = dot < 0 ? file : file.substring(0, dot);
		String format = dot < 0 ? "" : file.substring(dot + 1);
		List<ImportKind> kinds = "all".equals(name) ? Arrays.asList(ImportKind.values())
				: ImportKind.byName(name).filter(k -> k.key.equals(name)).map(List::of)
					.orElseThrow(() -> PlatformException.notFound("import-template", file));
		if ("xlsx".equals(format)) {
			return download(Templates.xlsx(kinds, locale), XLSX, file);
		}
		if ("csv".equals(format) && kinds.size() == 1) {
			return download(Templates.csv(kinds.get(0), locale), new MediaType("text", "csv", StandardCharsets.UTF_8), file);
		}
		throw PlatformException.notFound("import-template", file);
	}

	/**
	 * One kind: the first sheet of a workbook (or a sheet named for the kind), or a CSV.
	 * @return 200 with the report when applied or on a dry run; 422 with the report when a row has a problem
	 */
	@PostMapping(path = "/api/v1/identity/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ANY_IMPORT)
	ResponseEntity<ImportReport> importOne(@AuthenticationPrincipal CampusUser user, @PathVariable String kind,
			@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			Locale locale) throws IOException {
		ImportKind importKind = ImportKind.byName(kind).filter(k -> k.key.equals(kind))
			.orElseThrow(() -> PlatformException.notFound("import-kind", kind));
		Map<String, List<List<String>>> sheets = Tables.sheets(file.getOriginalFilename(), bytes(file));
		List<List<String>> table = sheets.entrySet().stream()
			.filter(e -> ImportKind.byName(e.getKey()).filter(importKind::equals).isPresent())
			.map(Map.Entry::getValue).findFirst().orElseGet(() -> sheets.values().iterator().next());
		return respond(imports.run(Map.of(importKind, table), dryRun, user, locale), dryRun);
	}

	/**
	 * Several kinds at once, applied org units first, then people, then positions. Either a part {@code file}: a
	 * workbook whose sheets are named for their kinds (组织机构/人员/职务 or org-units/people/positions); or one part per
	 * kind named {@code org-units}, {@code people}, {@code positions}, each a CSV or a workbook.
	 */
	@PostMapping(path = "/api/v1/identity/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ANY_IMPORT)
	ResponseEntity<ImportReport> importMixed(@AuthenticationPrincipal CampusUser user,
			MultipartRequest request, @RequestParam(defaultValue = "false") boolean dryRun, Locale locale)
			throws IOException {
		Map<ImportKind, List<List<String>>> tables = new EnumMap<>(ImportKind.class);
		for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
			MultipartFile file = part.getValue().get(0);
			Map<String, List<List<String>>> sheets = Tables.sheets(file.getOriginalFilename(), bytes(file));
			if ("file".equals(part.getKey())) {
				for (Map.Entry<String, List<List<String>>> sheet : sheets.entrySet()) {
					tables.put(ImportKind.byName(sheet.getKey()).orElseThrow(() -> new PlatformException(
							HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.unknown-sheet", sheet.getKey())), sheet.getValue());
				}
			}
			else {
				tables.put(ImportKind.byName(part.getKey()).orElseThrow(() -> new PlatformException(
						HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.unknown-sheet", part.getKey())),
						sheets.values().iterator().next());
			}
		}
		return respond(imports.run(tables, dryRun, user, locale), dryRun);
	}

	private static byte[] bytes(MultipartFile file) throws IOException {
		if (file.getSize() > MAX_BYTES) {
			throw new PlatformException(HttpStatus.CONTENT_TOO_LARGE, "identity.import.too-large", 10);
		}
		if (file.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_ENTITY, "identity.import.empty");
		}
		return file.getBytes();
	}

	private static ResponseEntity<ImportReport> respond(ImportReport report, boolean dryRun) {
		return ResponseEntity.status(report.errors().isEmpty() || dryRun ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
			.body(report);
	}

	private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
			.body(content);
	}
}
