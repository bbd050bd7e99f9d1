package org.onecampus.hall.internal.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A service item of the catalogue (办事事项). Localized texts are {@code {"zh-CN": …, "en-US": …}} maps; the
 * structured parts (guide, materials, fees, FAQ) are kept as JSON documents whose shapes
 * {@code V20261126_0100__hall_catalogue.sql} describes.
 * @param audience {@code {affiliationTypes: [], roles: [], orgUnits: [codes]}}; all empty: every member
 * @param handling ONLINE (form + process), OFFLINE (a guide for handling in person) or LINK (a business system via SSO)
 * @param status DRAFT, PUBLISHED or OFFLINE
 * @param revision incremented on every change (optimistic locking)
 */
public record ServiceItem(String code, Map<String, String> name, Map<String, String> summary, String categoryCode,
		UUID ownerOrgUnitId, List<UUID> coOrgUnitIds, JsonNode audience, boolean publicGuide, String handling,
		String processKey, String linkAppCode, String linkUrl, JsonNode guide, JsonNode materials, JsonNode fees,
		Integer promisedDays, JsonNode faq, List<String> keywords, List<String> calendarTags, String status,
		boolean selfPrint, int sortOrder, int revision, Instant createdAt, Instant updatedAt, Instant publishedAt) {

	public static final String ONLINE = "ONLINE";

	public static final String OFFLINE_GUIDE = "OFFLINE";

	public static final String LINK = "LINK";

	public static final String DRAFT = "DRAFT";

	public static final String PUBLISHED = "PUBLISHED";

	public static final String WITHDRAWN_FROM_SERVICE = "OFFLINE";

	public ServiceItem {
		name = Map.copyOf(name);
		summary = summary == null ? Map.of() : Map.copyOf(summary);
		coOrgUnitIds = coOrgUnitIds == null ? List.of() : List.copyOf(coOrgUnitIds);
		keywords = keywords == null ? List.of() : List.copyOf(keywords);
		calendarTags = calendarTags == null ? List.of() : List.copyOf(calendarTags);
	}

	public boolean published() {
		return PUBLISHED.equals(status);
	}

	/** Whether other departments than the owner take part (co-handling departments). */
	public boolean crossDepartment() {
		return coOrgUnitIds.stream().anyMatch(unit -> !unit.equals(ownerOrgUnitId));
	}

	private static List<String> strings(JsonNode array) {
		if (array == null || !array.isArray()) {
			return List.of();
		}
		List<String> values = new java.util.ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

	/** @return the audience's affiliation types */
	public List<String> audienceAffiliationTypes() {
		return strings(audience == null ? null : audience.get("affiliationTypes"));
	}

	/** @return the audience's role codes */
	public List<String> audienceRoles() {
		return strings(audience == null ? null : audience.get("roles"));
	}

	/** @return the audience's org unit codes (members of sub-units included) */
	public List<String> audienceOrgUnits() {
		return strings(audience == null ? null : audience.get("orgUnits"));
	}
}
