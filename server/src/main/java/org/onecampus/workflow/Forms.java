package org.onecampus.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Published form versions and the server side of every submission: validation against the JSON Schema and
 * the layout rules, computed fields, reference checks, rich-text sanitizing, per-node field access and
 * prefill. Error messages are in the language of the current request (zh-CN unless English is asked for).
 */
public interface Forms {

	/**
	 * @return the published version (schema + layout)
	 * @throws org.onecampus.kernel.error.PlatformException 404 when there is no such form or version
	 */
	FormVersion version(String formKey, int version);

	/**
	 * Validates and normalizes data submitted by {@code personId}. {@code access}: per field key; a missing key
	 * means EDITABLE at the start node ({@code previous} null) and READONLY at other nodes. READONLY/HIDDEN fields
	 * keep their values from {@code previous} (submitted values for them are ignored). Fields whose
	 * {@code visibleWhen} is false are removed, computed fields recomputed, locked prefilled fields overwritten
	 * with the provider's value, rich text sanitized.
	 * @param access may be null (all defaults)
	 * @param previous the stored data before this step; null at the start node
	 * @param submitted the data sent; null means empty
	 * @return the full normalized data to store; never null
	 * @throws org.onecampus.kernel.error.PlatformException 422 with errors[] (one per field path) when invalid,
	 * 404 when the form version does not exist
	 */
	default Map<String, Object> validate(String formKey, int version, UUID personId, Map<String, FieldAccess> access,
			Map<String, Object> previous, Map<String, Object> submitted) {
		return validate(formKey, version, personId, access, previous, submitted, previous == null);
	}

	/**
	 * As {@link #validate(String, int, UUID, Map, Map, Map)} with the node kind explicit, for a resubmission at
	 * the start node after a return (where {@code previous} is the stored data and missing keys are EDITABLE).
	 * @param startNode whether a key missing from {@code access} means EDITABLE (true) or READONLY (false)
	 */
	Map<String, Object> validate(String formKey, int version, UUID personId, Map<String, FieldAccess> access,
			Map<String, Object> previous, Map<String, Object> submitted, boolean startNode);

	/**
	 * @param access may be null
	 * @param startNode whether a missing key means EDITABLE (start) or READONLY (other nodes); both are visible
	 * @return the data with HIDDEN fields removed; never null
	 */
	Map<String, Object> visibleTo(Map<String, FieldAccess> access, Map<String, Object> data, boolean startNode);

	/**
	 * @return the prefill values for the person: field key → value with provenance; fields without prefill or
	 * without a known value are left out
	 */
	Map<String, PrefilledValue> prefill(String formKey, int version, UUID personId);

	/**
	 * @param name zh-CN and en-US names
	 * @param schema the JSON Schema 2020-12 document
	 * @param layout the layout document
	 */
	record FormVersion(String key, int version, Map<String, String> name, JsonNode schema, JsonNode layout,
			Instant publishedAt) {
	}
}
