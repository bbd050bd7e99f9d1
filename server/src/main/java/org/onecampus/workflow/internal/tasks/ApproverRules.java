package org.onecampus.workflow.internal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.onecampus.identity.OrgChart;
import org.onecampus.identity.OrgChart.ApproverRule;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Audience;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Names the persons an {@code assignee} rule means for an instance, from the org data as it is now:
 * named persons, role holders, a position relative to the applicant, N levels up, a person field of
 * the form, a position at the org unit in an org field of the form, or the persons chosen by the applicant or the
 * previous approver.
 */
@Component
class ApproverRules {

	private final OrgChart orgChart;

	private final PersonDirectory directory;

	private final Instances instances;

	ApproverRules(OrgChart orgChart, PersonDirectory directory, Instances instances) {
		this.orgChart = orgChart;
		this.directory = directory;
		this.instances = instances;
	}

	/** @return the persons, de-duplicated, in a stable order; empty when nobody holds the position */
	List<UUID> resolve(InstanceRecord instance, String nodeId, JsonNode assignee) {
		return resolve(instance.applicantId(), instance.formData(), assignee,
				() -> instances.choice(instance.id(), nodeId));
	}

	/**
	 * Resolution for an applicant and form data without an instance (the routing simulator).
	 * @param chosen the persons chosen by the applicant or the previous approver, asked only for those rules
	 */
	List<UUID> resolve(UUID applicantId, Map<String, Object> formData, JsonNode assignee,
			java.util.function.Supplier<List<UUID>> chosen) {
		String rule = assignee.path("rule").asString("");
		List<UUID> persons = switch (rule) {
			case "PERSONS" -> uuids(assignee.path("persons"));
			case "ROLE" -> new ArrayList<>(new TreeSet<>(directory
				.resolve(new Audience(null, null, false, null, List.of(assignee.path("role").asString()), null)).personIds()));
			case "POSITION" -> orgChart.resolve(applicantId, ApproverRule.parse(assignee.path("position").asString()));
			case "LEVELS_UP" -> orgChart.resolve(applicantId, new ApproverRule.LevelsUp(assignee.path("levels").asInt(1)));
			case "FORM_FIELD" -> ofField(formData, assignee);
			case "ORG_FIELD" -> ofOrgField(applicantId, formData, assignee);
			case "APPLICANT_CHOOSES", "PREVIOUS_CHOOSES" -> chosen.get();
			default -> List.of();
		};
		return Instances.distinct(persons);
	}

	/**
	 * Applies the applicant-is-approver policy: {@code SKIP} (default) removes the applicant, {@code SUPERIOR}
	 * puts the applicant's superior in their place, {@code SELF_APPROVE} keeps them (approved at once later).
	 * @param persons changed in place
	 */
	void applySelfPolicy(UUID applicantId, List<UUID> persons, String selfPolicy) {
		if (!persons.contains(applicantId)) {
			return;
		}
		switch (selfPolicy) {
			case "SUPERIOR" -> {
				int at = persons.indexOf(applicantId);
				persons.remove(at);
				superior(applicantId).stream().filter(p -> !persons.contains(p))
					.forEach(p -> persons.add(Math.min(at, persons.size()), p));
			}
			case "SELF_APPROVE" -> {
				// kept: the task is approved at once when created (InstanceRuntime)
			}
			default -> persons.remove(applicantId);
		}
	}

	/** The applicant's direct manager, for the "go to the superior" policy. */
	List<UUID> superior(UUID applicant) {
		return orgChart.resolve(applicant, new ApproverRule.LevelsUp(1));
	}

	/**
	 * The persons in a person field, or with an optional relative {@code position} (such as {@code unit-head}) the
	 * holders of that position relative to each of them: "the head of the host's department".
	 */
	private List<UUID> ofField(Map<String, Object> formData, JsonNode assignee) {
		List<UUID> persons = field(formData, assignee.path("field").asString(""));
		String position = assignee.path("position").asString("");
		if (position.isBlank()) {
			return persons;
		}
		ApproverRule rule = ApproverRule.parse(position);
		return persons.stream().flatMap(person -> orgChart.resolve(person, rule).stream()).toList();
	}

	/**
	 * The holders of a position kind (HEAD, DEPUTY_HEAD, OFFICE_STAFF …) at the org unit(s) in an org field: "the head
	 * of the unit paying for the trip". A value that is no org unit id names nobody.
	 */
	private List<UUID> ofOrgField(UUID applicantId, Map<String, Object> formData, JsonNode assignee) {
		String kind = assignee.path("kind").asString("");
		if (kind.isBlank()) {
			return List.of();
		}
		return field(formData, assignee.path("field").asString("")).stream()
			.flatMap(unit -> orgChart.resolve(applicantId, new ApproverRule.PositionAt(kind, unit)).stream())
			.toList();
	}

	private static List<UUID> field(Map<String, Object> data, String key) {
		Object value = data.get(key);
		List<UUID> ids = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(item -> parse(item).ifPresent(ids::add));
		}
		else {
			parse(value).ifPresent(ids::add);
		}
		return ids;
	}

	private static java.util.Optional<UUID> parse(Object value) {
		try {
			return value == null ? java.util.Optional.empty() : java.util.Optional.of(UUID.fromString(value.toString()));
		}
		catch (IllegalArgumentException ex) {
			return java.util.Optional.empty();
		}
	}

	private static List<UUID> uuids(JsonNode array) {
		List<UUID> ids = new ArrayList<>();
		array.forEach(node -> parse(node.asString()).ifPresent(ids::add));
		return ids;
	}
}
