package org.onecampus.workflow.internal.forms;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;
import org.onecampus.workflow.Forms.FormVersion;
import org.onecampus.workflow.PrefilledValue;
import org.onecampus.workflow.internal.forms.FormDefinitions.Draft;
import org.onecampus.workflow.internal.forms.FormDefinitions.Summary;
import org.onecampus.workflow.internal.forms.FormDefinitions.VersionInfo;
import org.onecampus.workflow.internal.forms.FormDesign.FormInput;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Form definitions: drafts the designer edits, published versions that never change, export and import as JSON,
 * and for every signed-in person the published versions, a dry-run validation and their prefill values.
 */
@RestController
@RequestMapping("/api/v1/workflow/forms")
@Tag(name = "Workflow forms", description = "Form definitions (JSON Schema 2020-12 + layout), versions, validation, prefill")
class FormsController {

	static final String EXPORT_FORMAT = "onecampus-form";

	private final FormDefinitions definitions;

	private final FormDesign design;

	private final JsonSchemaForms forms;

	FormsController(FormDefinitions definitions, FormDesign design, JsonSchemaForms forms) {
		this.definitions = definitions;
		this.design = design;
		this.forms = forms;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('workflow:form:read')")
	@Operation(summary = "Page through forms, newest change first; q matches key and names")
	Page<Summary> list(@RequestParam(required = false) String q, @Valid PageQuery page) {
		return definitions.list(q, page);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('workflow:form:write')")
	@Operation(summary = "Create a form with its first draft (422 with errors[] per definition path)")
	ResponseEntity<DraftView> create(@AuthenticationPrincipal CampusUser user, @RequestBody FormInput input) {
		design.create(input, user.personId());
		return ResponseEntity.created(URI.create("/api/v1/workflow/forms/" + input.key())).body(draftView(input.key()));
	}

	@GetMapping("/{key}")
	@PreAuthorize("hasAuthority('workflow:form:read')")
	@Operation(summary = "The draft, with the list of published versions")
	DraftView draft(@PathVariable String key) {
		return draftView(key);
	}

	@PutMapping("/{key}")
	@PreAuthorize("hasAuthority('workflow:form:write')")
	@Operation(summary = "Save the draft (the key in the body is ignored)")
	DraftView save(@AuthenticationPrincipal CampusUser user, @PathVariable String key, @RequestBody FormInput input) {
		design.saveDraft(key, input, user.personId());
		return draftView(key);
	}

	@PostMapping("/{key}/versions")
	@PreAuthorize("hasAuthority('workflow:form:publish')")
	@Operation(summary = "Publish the draft as the next version (409 when it equals the latest version)")
	ResponseEntity<FormVersion> publish(@AuthenticationPrincipal CampusUser user, @PathVariable String key) {
		int version = design.publish(key, user.personId());
		return ResponseEntity.created(URI.create("/api/v1/workflow/forms/" + key + "/versions/" + version))
			.body(forms.version(key, version));
	}

	@GetMapping("/{key}/versions/{version}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "A published version: schema and layout, never changed after publishing")
	FormVersion version(@PathVariable String key, @PathVariable int version) {
		return forms.version(key, version);
	}

	@PostMapping("/{key}/versions/{version}/validation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Validate data as the caller would submit it at the start node: 204, or 422 with errors[] per field path")
	void validate(@AuthenticationPrincipal CampusUser user, @PathVariable String key, @PathVariable int version,
			@RequestBody Map<String, Object> data) {
		forms.check(key, version, user.personId(), data);
	}

	@GetMapping("/{key}/versions/{version}/prefill")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Prefill values for the caller: field key → value with source, asOf and authoritative")
	Map<String, PrefilledValue> prefill(@AuthenticationPrincipal CampusUser user, @PathVariable String key,
			@PathVariable int version) {
		return forms.prefill(key, version, user.personId());
	}

	@GetMapping("/{key}/export")
	@PreAuthorize("hasAuthority('workflow:form:read')")
	@Operation(summary = "The draft as a JSON document that /import takes")
	ResponseEntity<Map<String, Object>> export(@PathVariable String key) {
		Draft draft = definitions.draft(key).orElseThrow(() -> PlatformException.notFound("form", key));
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", EXPORT_FORMAT);
		document.put("formatVersion", 1);
		document.put("key", draft.key());
		document.put("name", draft.name());
		if (draft.ownerOrgUnitId() != null) {
			document.put("ownerOrgUnitId", draft.ownerOrgUnitId());
		}
		document.put("schema", draft.schema());
		document.put("layout", draft.layout());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"form-" + key + ".json\"")
			.body(document);
	}

	@PostMapping("/import")
	@PreAuthorize("hasAuthority('workflow:form:write')")
	@Operation(summary = "Import an export: creates the form (201) or replaces its draft (200)")
	ResponseEntity<DraftView> importForm(@AuthenticationPrincipal CampusUser user, @RequestBody JsonNode document) {
		FormInput input = FormInput.fromExport(document);
		boolean created = design.importForm(input, user.personId());
		DraftView view = draftView(input.key());
		return created ? ResponseEntity.created(URI.create("/api/v1/workflow/forms/" + input.key())).body(view)
				: ResponseEntity.ok(view);
	}

	private DraftView draftView(String key) {
		Draft d = definitions.draft(key).orElseThrow(() -> PlatformException.notFound("form", key));
		return new DraftView(d.key(), d.name(), d.ownerOrgUnitId(), d.schema(), d.layout(), d.latestVersion(),
				d.updatedAt(), definitions.versions(key));
	}

	/** The draft and the published versions. */
	record DraftView(String key, Map<String, String> name, UUID ownerOrgUnitId, JsonNode schema, JsonNode layout,
			int latestVersion, Instant updatedAt, List<VersionInfo> versions) {
	}
}
