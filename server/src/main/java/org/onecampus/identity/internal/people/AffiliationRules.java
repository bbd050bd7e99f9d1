package org.onecampus.identity.internal.people;

import java.util.Map;
import java.util.Set;

/**
 * The affiliation lifecycle: which types exist, which need an end date, and which status changes
 * an administrator may make. LEFT, GRADUATED and EXPIRED are final; a returning person gets a new
 * affiliation, so the history stays.
 */
final class AffiliationRules {

	static final String TYPE_PATTERN = "UNDERGRADUATE|POSTGRADUATE|PHD|FACULTY|STAFF|CONTRACTOR|VISITING_SCHOLAR|SERVICE_STAFF|VISITOR|ALUMNUS|PARENT";

	static final String STATUS_PATTERN = "ACTIVE|SUSPENDED|LEFT|GRADUATED|EXPIRED";

	/** Students graduate; when their end date passes they become GRADUATED, then alumni after a grace period. */
	static final Set<String> STUDENT_TYPES = Set.of("UNDERGRADUATE", "POSTGRADUATE", "PHD");

	/** These end on a known date (外聘, visitors, visiting scholars) and expire then. */
	static final Set<String> FIXED_TERM_TYPES = Set.of("CONTRACTOR", "VISITOR", "VISITING_SCHOLAR");

	private static final Map<String, Set<String>> TRANSITIONS = Map.of(
			"ACTIVE", Set.of("SUSPENDED", "LEFT", "GRADUATED", "EXPIRED"),
			"SUSPENDED", Set.of("ACTIVE", "LEFT", "EXPIRED"),
			"LEFT", Set.of(), "GRADUATED", Set.of(), "EXPIRED", Set.of());

	private AffiliationRules() {
	}

	static boolean mayChange(String from, String to, String type) {
		if (from.equals(to)) {
			return true;
		}
		if ("GRADUATED".equals(to) && !STUDENT_TYPES.contains(type)) {
			return false;
		}
		return TRANSITIONS.getOrDefault(from, Set.of()).contains(to);
	}

	static boolean needsEndDate(String type) {
		return FIXED_TERM_TYPES.contains(type);
	}
}
