package org.onecampus.hall.internal.templates;

import java.util.List;

import org.onecampus.identity.CampusUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shipped service templates and their one-click installation. */
@RestController
class TemplatesController {

	private final ServiceTemplates templates;

	TemplatesController(ServiceTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/v1/hall/templates")
	@PreAuthorize("hasAuthority('hall:template:install')")
	List<ServiceTemplates.TemplateView> list() {
		return templates.list();
	}

	/** 201 when installed for the first time, 200 otherwise ({@code changed: false} when nothing changed). */
	@PostMapping("/api/v1/hall/templates/{code}/installation")
	@PreAuthorize("hasAuthority('hall:template:install')")
	ResponseEntity<ServiceTemplates.InstallResult> install(@AuthenticationPrincipal CampusUser user,
			@PathVariable String code) {
		ServiceTemplates.InstallResult result = templates.install(code, user.personId());
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
	}
}
