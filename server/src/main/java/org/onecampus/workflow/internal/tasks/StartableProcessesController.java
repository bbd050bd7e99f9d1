package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.onecampus.identity.CampusUser;
import org.onecampus.workflow.internal.processes.ProcessVersion;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the signed-in person may apply for: the newest published version of every process whose applicant scope
 * includes them, with the form it pins (the start page renders that form and posts to {@code /instances}).
 */
@RestController
class StartableProcessesController {

	private final ProcessVersions versions;

	private final InstanceRuntime runtime;

	StartableProcessesController(ProcessVersions versions, InstanceRuntime runtime) {
		this.versions = versions;
		this.runtime = runtime;
	}

	/**
	 * @param applicantChooses node ids whose approvers the applicant picks at submit (rule APPLICANT_CHOOSES), with
	 * the node names
	 */
	record Startable(String key, int version, Map<String, String> name, String formKey, Integer formVersion,
			List<ChoiceNode> applicantChooses) {
	}

	record ChoiceNode(String nodeId, Map<String, String> name) {
	}

	@GetMapping("/api/v1/workflow/startable-processes")
	@PreAuthorize("hasAuthority('workflow:instance:start')")
	@Operation(summary = "Processes the caller may start: the newest published version of each, with its form key and version")
	List<Startable> startable(@AuthenticationPrincipal CampusUser user) {
		List<Startable> result = new ArrayList<>();
		for (ProcessVersion version : versions.latestOfEach()) {
			if (!runtime.mayStart(version, user.personId())) {
				continue;
			}
			List<ChoiceNode> choices = new ArrayList<>();
			version.nodes().properties().forEach(e -> {
				if ("APPLICANT_CHOOSES".equals(e.getValue().path("config").path("assignee").path("rule").asString(""))) {
					choices.add(new ChoiceNode(e.getKey(), version.nodeName(e.getKey())));
				}
			});
			result.add(new Startable(version.processKey(), version.version(), version.name(), version.formKey(),
					version.formVersion(), choices));
		}
		return result;
	}
}
