package org.onecampus.workflow.internal.processes;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** Process drafts and published versions for the designers. */
@RestController
class ProcessController {

	private final ProcessDefinitions definitions;

	private final ProcessVersions versions;

	ProcessController(ProcessDefinitions definitions, ProcessVersions versions) {
		this.definitions = definitions;
		this.versions = versions;
	}

	/** A draft as the designers send it, with its key. */
	record NewProcess(@NotNull String key, @NotEmpty Map<String, @Size(max = 200) String> name, @Size(max = 64) String formKey,
			@Positive Integer formVersion, JsonNode applicants, @Size(max = 50) List<java.util.UUID> admins,
			java.util.UUID ownerOrgUnitId, JsonNode model, @Size(max = 2_000_000) String bpmnXml) {

		ProcessDraft draft() {
			return new ProcessDraft(name, formKey, formVersion, applicants, admins, ownerOrgUnitId, model, bpmnXml);
		}
	}

	record ProcessBody(String key, Map<String, String> name, String formKey, Integer formVersion, JsonNode applicants,
			List<java.util.UUID> admins, java.util.UUID ownerOrgUnitId, JsonNode model, String bpmnXml, int latestVersion) {

		static ProcessBody of(ProcessDefinitions.ProcessView view) {
			ProcessDraft d = view.draft();
			return new ProcessBody(view.key(), d.name(), d.formKey(), d.formVersion(), d.applicants(), d.admins(),
					d.ownerOrgUnitId(), d.model(), d.bpmnXml(), view.latestVersion());
		}
	}

	record VersionBody(String key, int version, Map<String, String> name, String formKey, Integer formVersion,
			JsonNode model, String bpmnXml, JsonNode nodes, Instant publishedAt) {

		static VersionBody of(ProcessVersion v) {
			return new VersionBody(v.processKey(), v.version(), v.name(), v.formKey(), v.formVersion(), v.model(),
					v.bpmnXml(), v.nodes(), v.publishedAt());
		}
	}

	@GetMapping("/api/v1/workflow/processes")
	@PreAuthorize("hasAuthority('workflow:process:read')")
	List<ProcessBody> list() {
		return definitions.list().stream().map(ProcessBody::of).toList();
	}

	@PostMapping("/api/v1/workflow/processes")
	@PreAuthorize("hasAuthority('workflow:process:write')")
	ResponseEntity<ProcessBody> create(@AuthenticationPrincipal CampusUser user, @Valid @RequestBody NewProcess body) {
		ProcessBody created = ProcessBody.of(definitions.create(body.key(), body.draft(), user.personId()));
		return ResponseEntity.created(URI.create("/api/v1/workflow/processes/" + created.key())).body(created);
	}

	@GetMapping("/api/v1/workflow/processes/{key}")
	@PreAuthorize("hasAuthority('workflow:process:read')")
	ProcessBody get(@PathVariable String key) {
		return definitions.find(key).map(ProcessBody::of).orElseThrow(() -> PlatformException.notFound("process", key));
	}

	@PutMapping("/api/v1/workflow/processes/{key}")
	@PreAuthorize("hasAuthority('workflow:process:write')")
	ProcessBody update(@PathVariable String key, @Valid @RequestBody ProcessDraft draft) {
		return ProcessBody.of(definitions.update(key, draft));
	}

	@PostMapping("/api/v1/workflow/processes/{key}/versions")
	@PreAuthorize("hasAuthority('workflow:process:publish')")
	@Operation(summary = "Publish the draft as the next version (201); 422 workflow.model-invalid with errors[] per node. "
			+ "Approver rules (config.assignee.rule): PERSONS, ROLE, POSITION (relative such as college-head, or "
			+ "KIND@orgUnitId), LEVELS_UP, FORM_FIELD (a person field, optional relative position), ORG_FIELD (holders "
			+ "of position kind at the org unit in an org field: field and kind required), APPLICANT_CHOOSES, PREVIOUS_CHOOSES")
	ResponseEntity<VersionBody> publish(@AuthenticationPrincipal CampusUser user, @PathVariable String key) {
		ProcessVersion version = definitions.publish(key, user.personId());
		return ResponseEntity.created(URI.create("/api/v1/workflow/processes/" + key + "/versions/" + version.version()))
			.body(VersionBody.of(version));
	}

	@GetMapping("/api/v1/workflow/processes/{key}/versions/{version}")
	@PreAuthorize("hasAuthority('workflow:process:read')")
	VersionBody version(@PathVariable String key, @PathVariable int version) {
		return versions.find(key, version).map(VersionBody::of)
			.orElseThrow(() -> PlatformException.notFound("process version", key + "/" + version));
	}
}
