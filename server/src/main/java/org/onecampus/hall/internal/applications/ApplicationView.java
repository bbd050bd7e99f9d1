package org.onecampus.hall.internal.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.workflow.InstanceTracking;

import tools.jackson.databind.JsonNode;

/**
 * An application as the hall API shows it: status, where it waits and with whom, every step, what the viewer
 * may do next, the evaluation and the downloadable results.
 * @param suspension who put it on hold, when and why; null unless it is suspended
 * @param form the form it was submitted on (to show the data, and to edit it after a return)
 */
record ApplicationView(UUID id, String serviceCode, Map<String, String> serviceName, Person applicant, String status,
		Instant submittedAt, Instant endedAt, UUID instanceId, int returnCount, Integer promisedDays,
		List<CurrentNode> currentNodes, List<Step> timeline, Suspension suspension, Actions actions, Evaluation evaluation,
		List<Result> results, Map<String, Object> formData, Form form) {

	record Person(UUID id, String name) {

		static Person of(InstanceTracking.Person person) {
			return person == null ? null : new Person(person.id(), person.name());
		}
	}

	record CurrentNode(String nodeId, Map<String, String> name, List<Person> handlers, Instant since) {
	}

	record Step(String action, Person actor, String nodeId, Map<String, String> nodeName, Instant at, String comment,
			JsonNode attachments) {
	}

	record Suspension(Person by, Instant at, String reason) {
	}

	record Actions(boolean withdraw, boolean resubmit, boolean evaluate) {
	}

	record Evaluation(int stars, String comment, Instant at) {
	}

	record Result(String name, Map<String, String> label, String contentType) {
	}

	record Form(String key, int version, JsonNode schema, JsonNode layout) {
	}

	/** One row of a list of applications. */
	record Item(UUID id, String serviceCode, Map<String, String> serviceName, Person applicant, String status,
			Instant submittedAt, Instant endedAt, int returnCount) {
	}
}
