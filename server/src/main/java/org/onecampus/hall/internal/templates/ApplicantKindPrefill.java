package org.onecampus.hall.internal.templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.OrgChart;
import org.onecampus.identity.OrgChart.ApproverRule.PositionAt;
import org.onecampus.identity.PersonProfiles;
import org.onecampus.workflow.PrefillProvider;
import org.onecampus.workflow.PrefilledValue;

import org.springframework.stereotype.Component;

/**
 * The {@code hall} prefill namespace. {@code personId}: the applicant's own person id (for a node the applicant
 * confirms themselves, such as a self-printed certificate). {@code applicantKind}: the kind of applicant the templates route by —
 * LEADER (holds a HEAD or DEPUTY_HEAD position at their primary unit), FACULTY, STAFF, POSTGRADUATE (PhD students
 * included) or UNDERGRADUATE — from identity, so it is authoritative.
 */
@Component
class ApplicantKindPrefill implements PrefillProvider {

	static final List<String> LEADER_POSITIONS = List.of("HEAD", "DEPUTY_HEAD");

	private final PersonProfiles profiles;

	private final OrgChart orgChart;

	ApplicantKindPrefill(PersonProfiles profiles, OrgChart orgChart) {
		this.profiles = profiles;
		this.orgChart = orgChart;
	}

	@Override
	public String namespace() {
		return "hall";
	}

	@Override
	public Map<String, PrefilledValue> values(UUID personId, Set<String> names) {
		Map<String, PrefilledValue> values = new java.util.LinkedHashMap<>();
		Instant now = Instant.now();
		if (names.contains("personId")) {
			values.put("personId", new PrefilledValue(personId.toString(), "hall.personId", now, true));
		}
		if (names.contains("applicantKind")) {
			profiles.profile(personId)
				.map(profile -> kind(personId, profile.affiliationType(), profile.unitId()))
				.ifPresent(kind -> values.put("applicantKind", new PrefilledValue(kind, "hall.applicantKind", now, true)));
		}
		return values;
	}

	String kind(UUID personId, String affiliationType, UUID unitId) {
		if (affiliationType == null) {
			return null;
		}
		boolean employee = "FACULTY".equals(affiliationType) || "STAFF".equals(affiliationType);
		if (employee && unitId != null && LEADER_POSITIONS.stream()
			.anyMatch(kind -> orgChart.resolve(personId, new PositionAt(kind, unitId)).contains(personId))) {
			return "LEADER";
		}
		return switch (affiliationType) {
			case "FACULTY", "STAFF", "UNDERGRADUATE" -> affiliationType;
			case "POSTGRADUATE", "PHD" -> "POSTGRADUATE";
			default -> null;
		};
	}
}
