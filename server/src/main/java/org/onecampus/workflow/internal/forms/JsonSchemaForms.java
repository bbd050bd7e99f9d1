package org.onecampus.workflow.internal.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onecampus.workflow.FieldAccess;
import org.onecampus.workflow.Forms;
import org.onecampus.workflow.PrefilledValue;

import org.springframework.stereotype.Service;

/** {@link Forms} over the published versions, networknt's validator and the prefill providers. */
@Service
class JsonSchemaForms implements Forms {

	private final PublishedForms published;

	private final SubmissionValidation validation;

	private final Prefills prefills;

	JsonSchemaForms(PublishedForms published, SubmissionValidation validation, Prefills prefills) {
		this.published = published;
		this.validation = validation;
		this.prefills = prefills;
	}

	@Override
	public FormVersion version(String formKey, int version) {
		return published.get(formKey, version).version();
	}

	@Override
	public Map<String, Object> validate(String formKey, int version, UUID personId, Map<String, FieldAccess> access,
			Map<String, Object> previous, Map<String, Object> submitted, boolean startNode) {
		return validation.validate(published.get(formKey, version), personId, access, previous, submitted, startNode,
				true);
	}

	/** A dry run at the start node: nothing is recorded (file references stay orphan candidates). */
	Map<String, Object> check(String formKey, int version, UUID personId, Map<String, Object> submitted) {
		return validation.validate(published.get(formKey, version), personId, null, null, submitted, true, false);
	}

	@Override
	public Map<String, Object> visibleTo(Map<String, FieldAccess> access, Map<String, Object> data, boolean startNode) {
		Map<String, Object> out = new LinkedHashMap<>();
		if (data != null) {
			data.forEach((key, value) -> {
				if (SubmissionValidation.accessOf(access, key, startNode) != FieldAccess.HIDDEN) {
					out.put(key, value);
				}
			});
		}
		return out;
	}

	@Override
	public Map<String, PrefilledValue> prefill(String formKey, int version, UUID personId) {
		return prefills.values(published.get(formKey, version).layout(), personId);
	}
}
