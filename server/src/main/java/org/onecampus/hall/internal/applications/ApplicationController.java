package org.onecampus.hall.internal.applications;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.onecampus.hall.internal.spi.ServiceHook;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.paging.Page;
import org.onecampus.kernel.paging.PageQuery;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applying for service items and following the applications; drafts of application forms. */
@RestController
class ApplicationController {

	private final ApplicationService service;

	ApplicationController(ApplicationService service) {
		this.service = service;
	}

	/** @param assignees approvers the applicant chooses, per node whose rule is APPLICANT_CHOOSES */
	record SubmitRequest(@NotBlank @Size(max = 64) String serviceCode, Map<String, Object> formData,
			Map<String, List<UUID>> assignees) {
	}

	record Reason(@Size(max = 2000) String reason) {
	}

	record Resubmission(Map<String, Object> formData, @Size(max = 2000) String comment) {
	}

	record EvaluationRequest(@NotNull @Min(1) @Max(5) Integer stars, @Size(max = 1000) String comment) {
	}

	record DraftRequest(Map<String, Object> formData) {
	}

	@PostMapping("/api/v1/hall/applications")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ResponseEntity<ApplicationView> submit(@AuthenticationPrincipal CampusUser user,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@Valid @RequestBody SubmitRequest body) {
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "hall.application.idempotency-key");
		}
		ApplicationService.Submission submission = service.submit(user, body.serviceCode(), body.formData(),
				body.assignees(), idempotencyKey.strip());
		URI location = URI.create("/api/v1/hall/applications/" + submission.application().id());
		return submission.created() ? ResponseEntity.created(location).body(submission.application())
				: ResponseEntity.ok().location(location).body(submission.application());
	}

	@GetMapping("/api/v1/hall/applications")
	@PreAuthorize("hasAuthority('hall:application:read')")
	Page<ApplicationView.Item> list(@AuthenticationPrincipal CampusUser user,
			@RequestParam(defaultValue = "mine") String scope, @RequestParam(required = false) String status,
			@RequestParam(required = false) @Size(max = 100) String q, @Valid PageQuery page) {
		return service.list(user, scope, status == null || status.isBlank() ? null : status, q, page);
	}

	/** The apply page of an item: its form, the caller's prefilled values with provenance and their draft. */
	@GetMapping("/api/v1/hall/applications/forms/{serviceCode}")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ApplicationService.ApplyForm applyForm(@AuthenticationPrincipal CampusUser user, @PathVariable String serviceCode) {
		return service.applyForm(user, serviceCode);
	}

	@GetMapping("/api/v1/hall/applications/{id}")
	@PreAuthorize("hasAuthority('hall:application:read')")
	ApplicationView get(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		return service.get(id, user);
	}

	@PostMapping("/api/v1/hall/applications/{id}/withdrawal")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ApplicationView withdraw(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) Reason body) {
		return service.withdraw(id, user, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/hall/applications/{id}/resubmission")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ApplicationView resubmit(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody(required = false) Resubmission body) {
		return service.resubmit(id, user, body == null ? null : body.formData(), body == null ? null : body.comment());
	}

	@PostMapping("/api/v1/hall/applications/{id}/evaluation")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ApplicationView evaluate(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody EvaluationRequest body) {
		return service.evaluate(id, user, body.stars(), body.comment());
	}

	@GetMapping("/api/v1/hall/applications/{id}/results/{name}")
	@PreAuthorize("hasAuthority('hall:application:read')")
	ResponseEntity<byte[]> result(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@PathVariable String name) {
		ServiceHook.Result result = service.result(id, user, name);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(result.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(result.name(), StandardCharsets.UTF_8).build().toString())
			.body(result.content());
	}

	@GetMapping("/api/v1/hall/drafts/{serviceCode}")
	@PreAuthorize("hasAuthority('hall:application:create')")
	Applications.Draft draft(@AuthenticationPrincipal CampusUser user, @PathVariable String serviceCode) {
		return service.draft(user, serviceCode);
	}

	@PutMapping("/api/v1/hall/drafts/{serviceCode}")
	@PreAuthorize("hasAuthority('hall:application:create')")
	Applications.Draft saveDraft(@AuthenticationPrincipal CampusUser user, @PathVariable String serviceCode,
			@Valid @RequestBody DraftRequest body) {
		return service.saveDraft(user, serviceCode, body.formData());
	}

	@DeleteMapping("/api/v1/hall/drafts/{serviceCode}")
	@PreAuthorize("hasAuthority('hall:application:create')")
	ResponseEntity<Void> deleteDraft(@AuthenticationPrincipal CampusUser user, @PathVariable String serviceCode) {
		service.deleteDraft(user, serviceCode);
		return ResponseEntity.noContent().build();
	}
}
