package org.onecampus.hall.internal.catalogue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.onecampus.workflow.PrefilledValue;
import tools.jackson.databind.JsonNode;

/** The catalogue's API shapes. */
final class ServiceViews {

	private ServiceViews() {
	}

	/** @param nameEn null when the unit has no English name */
	record Unit(UUID id, String name, String nameEn) {
	}

	/** A card in a list of services. */
	record ServiceCard(String code, Map<String, String> name, Map<String, String> summary, String categoryCode,
			Unit ownerOrgUnit, String handling, Integer promisedDays, boolean selfPrint, boolean favourite,
			boolean publicGuide, long uses, List<String> calendarTags) {
	}

	/** A list of cards with the number of matches. */
	record Cards(List<ServiceCard> items, int page, int size, long total) {
	}

	/** A category with the number of services the caller may use in it. */
	record Category(String code, Map<String, String> name, String icon, int count) {
	}

	/** The form of an ONLINE item: the process's pinned form version. */
	record Form(String processKey, String key, int version, JsonNode schema, JsonNode layout) {
	}

	/** Who may use an item. */
	record Audience(List<String> affiliationTypes, List<String> roles, List<String> orgUnits) {
	}

	/**
	 * An item with everything the item page shows; {@code form}, {@code prefill} and {@code linkUrl} are null on
	 * the public pages.
	 */
	record ServiceDetail(@JsonUnwrapped ServiceCard card, Map<String, String> categoryName, List<Unit> coOrgUnits, Audience audience,
			JsonNode guide, JsonNode materials, JsonNode fees, JsonNode faq, List<String> keywords, Form form,
			Map<String, PrefilledValue> prefill, String linkUrl) {
	}
}
