package org.onecampus.workflow.internal.tasks;

import java.util.Optional;

import org.onecampus.workflow.PublishedProcesses;
import org.onecampus.workflow.internal.processes.ProcessVersions;

import org.springframework.stereotype.Component;

/** {@link PublishedProcesses} from the published process versions. */
@Component
class PublishedProcessLookup implements PublishedProcesses {

	private final ProcessVersions versions;

	PublishedProcessLookup(ProcessVersions versions) {
		this.versions = versions;
	}

	@Override
	public Optional<PublishedProcess> latest(String processKey) {
		return versions.latest(processKey)
			.map(v -> new PublishedProcess(v.processKey(), v.version(), v.name(), v.formKey(), v.formVersion()));
	}
}
