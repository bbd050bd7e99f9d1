package org.onecampus.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * The latest published version of a process and the form version it is pinned to, for other modules (the service
 * hall shows an item's form before the applicant starts the process).
 */
public interface PublishedProcesses {

	/** @return the latest published version, or empty when the process was never published */
	Optional<PublishedProcess> latest(String processKey);

	/**
	 * @param formKey null when the process has no form
	 * @param formVersion the published form version the process uses; null without a form
	 */
	record PublishedProcess(String key, int version, Map<String, String> name, String formKey, Integer formVersion) {
	}
}
