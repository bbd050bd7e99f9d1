package org.onecampus.workflow.internal.processes;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Node-level comparison of two published versions. */
@RestController
class VersionDiffController {

	private final VersionDiffs diffs;

	VersionDiffController(VersionDiffs diffs) {
		this.diffs = diffs;
	}

	@GetMapping("/api/v1/workflow/processes/{key}/versions/{from}/diff/{to}")
	@PreAuthorize("hasAuthority('workflow:process:read')")
	VersionDiffs.VersionDiff diff(@PathVariable String key, @PathVariable int from, @PathVariable int to) {
		return diffs.diff(key, from, to);
	}
}
