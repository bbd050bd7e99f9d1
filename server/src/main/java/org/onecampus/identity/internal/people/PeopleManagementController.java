package org.onecampus.identity.internal.people;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.org.AdminScope;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Administrators register people and change their data and affiliations, within their scope. */
@RestController
class PeopleManagementController {

	static final String MANAGE = "identity:person:manage";

	private final PersonEditing people;

	private final AffiliationEditing affiliations;

	private final PersonDetails details;

	private final AdminScope scopes;

	PeopleManagementController(PersonEditing people, AffiliationEditing affiliations, PersonDetails details,
			AdminScope scopes) {
		this.people = people;
		this.affiliations = affiliations;
		this.details = details;
		this.scopes = scopes;
	}

	@PostMapping("/api/v1/identity/people")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	ResponseEntity<PersonDetails.Detail> register(@AuthenticationPrincipal CampusUser user,
			@Valid @RequestBody PersonForms.NewPerson form) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		UUID id = people.register(form, scope);
		return ResponseEntity.created(URI.create("/api/v1/identity/people/" + id)).body(details.find(id, scope).orElseThrow());
	}

	@PutMapping("/api/v1/identity/people/{id}")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	PersonDetails.Detail change(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody PersonForms.PersonChange form) {
		AdminScope.Scope scope = inScope(user, id);
		people.change(id, form);
		return details.find(id, scope).orElseThrow();
	}

	@PostMapping("/api/v1/identity/people/{id}/affiliations")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	ResponseEntity<PersonDetails.Detail> addAffiliation(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody PersonForms.AffiliationForm form) {
		AdminScope.Scope scope = inScope(user, id);
		UUID affiliation = affiliations.add(id, form, scope);
		return ResponseEntity.created(URI.create("/api/v1/identity/people/" + id + "/affiliations/" + affiliation))
			.body(details.find(id, scope).orElseThrow());
	}

	@PutMapping("/api/v1/identity/people/{id}/affiliations/{affiliationId}")
	@PreAuthorize("hasAuthority('identity:person:manage')")
	PersonDetails.Detail changeAffiliation(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@PathVariable UUID affiliationId, @Valid @RequestBody PersonForms.AffiliationForm form) {
		AdminScope.Scope scope = inScope(user, id);
		affiliations.change(id, affiliationId, form, scope);
		return details.find(id, scope).orElseThrow();
	}

	private AdminScope.Scope inScope(CampusUser user, UUID personId) {
		AdminScope.Scope scope = scopes.of(user, MANAGE);
		details.find(personId, scope).orElseThrow(() -> PlatformException.notFound("person", personId));
		return scope;
	}
}
