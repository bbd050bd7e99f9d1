package org.onecampus.hall.internal.catalogue;

import java.util.List;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceAdministration.ServiceInput;
import org.onecampus.identity.CampusUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Managing the items of the departments in the administrator's scope. */
@RestController
@RequestMapping("/api/v1/hall/admin/services")
class ServiceAdminController {

	private final ServiceAdministration administration;

	ServiceAdminController(ServiceAdministration administration) {
		this.administration = administration;
	}

	/** The revision an administrator read, for publishing or taking an item offline. */
	record Revision(int revision) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('hall:service:manage')")
	List<ServiceItem> list(@AuthenticationPrincipal CampusUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) UUID department,
			@RequestParam(required = false) String q) {
		CatalogueQueries.checkQuery(q);
		return administration.list(user, status, category, department, q);
	}

	@GetMapping("/{code}")
	@PreAuthorize("hasAuthority('hall:service:manage')")
	ServiceItem get(@AuthenticationPrincipal CampusUser user, @PathVariable String code) {
		return administration.get(user, code);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('hall:service:manage')")
	@ResponseStatus(HttpStatus.CREATED)
	ServiceItem create(@AuthenticationPrincipal CampusUser user, @RequestBody ServiceInput input) {
		return administration.create(user, input);
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('hall:service:manage')")
	ServiceItem update(@AuthenticationPrincipal CampusUser user, @PathVariable String code,
			@RequestBody ServiceInput input) {
		return administration.update(user, code, input);
	}

	@PostMapping("/{code}/publication")
	@PreAuthorize("hasAuthority('hall:service:manage')")
	ServiceItem publish(@AuthenticationPrincipal CampusUser user, @PathVariable String code,
			@RequestBody Revision body) {
		return administration.changeStatus(user, code, ServiceItem.PUBLISHED, body.revision());
	}

	@DeleteMapping("/{code}/publication")
	@PreAuthorize("hasAuthority('hall:service:manage')")
	ServiceItem takeOffline(@AuthenticationPrincipal CampusUser user, @PathVariable String code,
			@RequestParam int revision) {
		return administration.changeStatus(user, code, ServiceItem.WITHDRAWN_FROM_SERVICE, revision);
	}
}
