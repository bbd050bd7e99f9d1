package org.onecampus.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Published form versions and the server-side validation of form data (see the workflow contract).
 */
public interface Forms {

	/** The published version (schema + layout) or 404 problem. */
	FormVersion version(String formKey, int version);

	/**
	 * Validates and normalizes data submitted by {@code personId}. {@code access}: per field key; a missing key means
	 * EDITABLE at the start node (nodeId null) and READONLY at other nodes. READONLY/HIDDEN fields keep their values
	 * from {@code previous} (submitted values for them are ignored); returns the full normalized data to store.
	 * @throws org.onecampus.kernel.error.PlatformException 422 with errors[] when invalid
	 */
	Map<String, Object> validate(String formKey, int version, UUID personId, Map<String, FieldAccess> access,
			Map<String, Object> previous, Map<String, Object> submitted);

	/** Data as a node may see it: HIDDEN fields removed. */
	Map<String, Object> visibleTo(Map<String, FieldAccess> access, Map<String, Object> data, boolean startNode);

	/** Prefill for the person: field key → value with provenance. */
	Map<String, PrefilledValue> prefill(String formKey, int version, UUID personId);

	record FormVersion(String key, int version, Map<String, String> name, JsonNode schema, JsonNode layout,
			Instant publishedAt) {
	}
}
