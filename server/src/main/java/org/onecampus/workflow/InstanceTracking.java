package org.onecampus.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Following and acting on an instance for other modules (the service hall's "my applications"): where it is,
 * who handles it, every step so far, who took part in it, and the applicant's withdraw and resubmission.
 * Callers check who may see an instance; this interface does not (except that only the applicant may withdraw
 * or resubmit).
 */
public interface InstanceTracking {

	/** @return where the instance is and how it got there, or empty for an unknown instance */
	Optional<Progress> progress(UUID instanceId);

	/**
	 * @return the form the latest published version of the process starts with and the applicant's field access
	 * on it; empty for an unknown or unpublished process or one without a form
	 */
	Optional<StartForm> startForm(String processKey);

	/** @return whether the person has or had a task in the instance, or was CC'd on it */
	boolean participates(UUID instanceId, UUID personId);

	/**
	 * @param kind HANDLED (the person has or had a task in it) or CC (the person was copied)
	 * @param among the instances to consider
	 * @return those of {@code among} the person took part in as {@code kind}
	 */
	Set<UUID> involved(UUID personId, String kind, Collection<UUID> among);

	/**
	 * @param kind HANDLED or CC
	 * @return the instances of the given processes the person took part in as {@code kind}, newest first, at
	 * most {@code limit}
	 */
	List<UUID> involvedIn(UUID personId, String kind, Collection<String> processKeys, int limit);

	/**
	 * The applicant withdraws a running instance before any approver acted, or one returned to them.
	 * @throws org.onecampus.kernel.error.PlatformException 404 when the person is not the applicant, 409 when
	 * it ended or an approver acted already
	 */
	Processes.InstanceSummary withdraw(UUID instanceId, UUID applicantId, String reason);

	/**
	 * The applicant resubmits an instance returned to them with edited data (validated at the start node).
	 * @param formData null keeps the stored data
	 * @throws org.onecampus.kernel.error.PlatformException 404 when the person is not the applicant, 409 when it
	 * is not returned, 422 for invalid data
	 */
	Processes.InstanceSummary resubmit(UUID instanceId, UUID applicantId, Map<String, Object> formData, String comment);

	/**
	 * @param status RUNNING, RETURNED, SUSPENDED, APPROVED, REJECTED, WITHDRAWN or TERMINATED
	 * @param formData the stored data (as the applicant sees it)
	 * @param current the nodes waiting now with their handlers
	 * @param timeline every recorded step, oldest first
	 */
	record Progress(UUID instanceId, String processKey, int version, Map<String, String> processName, UUID applicantId,
			String status, Instant startedAt, Instant endedAt, Map<String, Object> formData, List<CurrentNode> current,
			List<Step> timeline, String formKey, Integer formVersion) {
	}

	/** @param since when the oldest open task of the node was created */
	record CurrentNode(String nodeId, Map<String, String> name, List<Person> handlers, Instant since) {
	}

	/**
	 * @param action SUBMITTED, APPROVED, REJECTED, RETURNED, RESUBMITTED, WITHDRAWN, APPROVED_END, TRANSFERRED …
	 * @param actor null for the system
	 * @param attachments the files sent with the step ({@code [{id, name, size, contentType}]})
	 */
	record Step(String action, Person actor, String nodeId, Map<String, String> nodeName, Instant at, String comment,
			JsonNode attachments) {
	}

	record StartForm(String processKey, int processVersion, String formKey, int formVersion,
			Map<String, FieldAccess> access) {
	}

	record Person(UUID id, String name) {
	}
}
