package org.onecampus.identity.internal.apps;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/identity/apps}: the app registry for platform administrators. */
@RestController
@RequestMapping("/api/v1/identity/apps")
class AppController {

	static final String MANAGE = "hasAuthority('identity:app:manage')";

	private final AppRegistry registry;

	private final SsoApps apps;

	AppController(AppRegistry registry, SsoApps apps) {
		this.registry = registry;
		this.apps = apps;
	}

	@GetMapping
	@PreAuthorize(MANAGE)
	List<SsoApp> list() {
		return apps.all();
	}

	@GetMapping("/{id}")
	@PreAuthorize(MANAGE)
	SsoApp one(@PathVariable UUID id) {
		return apps.byId(id).orElseThrow(() -> PlatformException.notFound("app", id));
	}

	/** 201 with the app; an OIDC app's generated {@code clientSecret} is in this answer only. */
	@PostMapping
	@PreAuthorize(MANAGE)
	ResponseEntity<Map<String, Object>> register(@Valid @RequestBody AppRequest request) {
		AppRegistry.Registered registered = registry.register(request, null);
		Map<String, Object> body = registered.clientSecret() == null ? Map.of("app", registered.app())
				: Map.of("app", registered.app(), "clientSecret", registered.clientSecret());
		return ResponseEntity.created(URI.create("/api/v1/identity/apps/" + registered.app().id())).body(body);
	}

	@PutMapping("/{id}")
	@PreAuthorize(MANAGE)
	SsoApp change(@PathVariable UUID id, @Valid @RequestBody AppRequest request) {
		return registry.change(id, request);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize(MANAGE)
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		registry.remove(id);
		return ResponseEntity.noContent().build();
	}

	/** Replaces the client secret of an OIDC app: {@code {clientSecret}}, shown once. */
	@PostMapping("/{id}/client-secret")
	@PreAuthorize(MANAGE)
	Map<String, String> newSecret(@PathVariable UUID id) {
		return Map.of("clientSecret", registry.newClientSecret(id));
	}
}
