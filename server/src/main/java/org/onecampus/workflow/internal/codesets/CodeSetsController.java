package org.onecampus.workflow.internal.codesets;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;

import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.internal.codesets.CodeSets.CodeSet;
import org.onecampus.workflow.internal.codesets.CodeSets.Item;
import org.onecampus.workflow.internal.codesets.CodeSets.Summary;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Code sets: every member reads them (forms render their options); form designers edit them. */
@RestController
class CodeSetsController {

	private final CodeSets codeSets;

	CodeSetsController(CodeSets codeSets) {
		this.codeSets = codeSets;
	}

	record NewCodeSet(@NotNull @Size(max = 64) String key, @NotEmpty Map<String, @Size(max = 100) String> name,
			@NotNull @Size(max = CodeSets.MAX_ITEMS) List<@Valid Item> items) {
	}

	record CodeSetChange(@NotEmpty Map<String, @Size(max = 100) String> name,
			@NotNull @Size(max = CodeSets.MAX_ITEMS) List<@Valid Item> items) {
	}

	@GetMapping("/api/v1/workflow/code-sets")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "All code sets with their item counts")
	List<Summary> list() {
		return codeSets.list();
	}

	@GetMapping("/api/v1/workflow/code-sets/{key}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "A code set with all its items (disabled ones flagged; forms offer only the enabled)")
	CodeSet get(@PathVariable String key) {
		return codeSets.find(key).orElseThrow(() -> PlatformException.notFound("code set", key));
	}

	@PostMapping("/api/v1/workflow/code-sets")
	@PreAuthorize("hasAuthority('workflow:form:write')")
	@Operation(summary = "Create a code set: 201, 409 when the key is taken, 422 with errors[] per item")
	ResponseEntity<CodeSet> create(@Valid @RequestBody NewCodeSet body) {
		CodeSet created = codeSets.create(body.key(), body.name(), body.items());
		return ResponseEntity.created(URI.create("/api/v1/workflow/code-sets/" + created.key())).body(created);
	}

	@PutMapping("/api/v1/workflow/code-sets/{key}")
	@PreAuthorize("hasAuthority('workflow:form:write')")
	@Operation(summary = "Replace a code set's name and items (disable an item rather than remove it while data uses it)")
	CodeSet update(@PathVariable String key, @Valid @RequestBody CodeSetChange body) {
		return codeSets.update(key, body.name(), body.items());
	}
}
