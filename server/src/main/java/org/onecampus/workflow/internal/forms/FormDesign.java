package org.onecampus.workflow.internal.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.PersonProfiles;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.internal.codesets.CodeSetValues;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The designer's use cases: creating a form, saving its draft, publishing the draft as a new immutable version
 * and importing an exported form. Every definition is checked before it is stored; every change is audited.
 */
@Service
class FormDesign {

	static final String KEY = "[a-z][a-z0-9-]{2,63}";

	private final FormDefinitions definitions;

	private final PersonProfiles profiles;

	private final AuditLog audit;

	private final CodeSetValues codeSets;

	FormDesign(FormDefinitions definitions, PersonProfiles profiles, AuditLog audit, CodeSetValues codeSets) {
		this.definitions = definitions;
		this.profiles = profiles;
		this.audit = audit;
		this.codeSets = codeSets;
	}

	/** @throws PlatformException 422 when invalid, 409 when the key is taken */
	@Transactional
	void create(FormInput input, UUID by) {
		check(input, true);
		if (definitions.draft(input.key()).isPresent()) {
			throw PlatformException.conflict("workflow.form.exists", input.key());
		}
		definitions.create(input.key(), input.name(), input.ownerOrgUnitId(),
				definitions.definition(input.schema(), input.layout()), by);
		audit.record("workflow.form-created", "form:" + input.key(), Map.of("name", input.name().get("zh-CN")));
	}

	/** @throws PlatformException 404 when there is no such form, 422 when invalid */
	@Transactional
	void saveDraft(String key, FormInput input, UUID by) {
		check(input, false);
		if (!definitions.updateDraft(key, input.name(), input.ownerOrgUnitId(),
				definitions.definition(input.schema(), input.layout()), by)) {
			throw PlatformException.notFound("form", key);
		}
		audit.record("workflow.form-saved", "form:" + key, Map.of("name", input.name().get("zh-CN")));
	}

	/**
	 * @return the new version
	 * @throws PlatformException 404 when there is no such form, 409 when the draft equals the latest version
	 */
	@Transactional
	int publish(String key, UUID by) {
		FormDefinitions.Draft draft = definitions.draft(key).orElseThrow(() -> PlatformException.notFound("form", key));
		int version = definitions.publish(key, by)
			.orElseThrow(() -> PlatformException.conflict("workflow.form.unchanged", key, draft.latestVersion()));
		audit.record("workflow.form-published", "form:" + key, Map.of("version", version));
		return version;
	}

	/**
	 * Creates the form from an export, or replaces the draft of an existing one (published versions stay).
	 * @return whether the form was created
	 */
	@Transactional
	boolean importForm(FormInput input, UUID by) {
		check(input, true);
		boolean exists = definitions.draft(input.key()).isPresent();
		if (exists) {
			definitions.updateDraft(input.key(), input.name(), input.ownerOrgUnitId(),
					definitions.definition(input.schema(), input.layout()), by);
		}
		else {
			definitions.create(input.key(), input.name(), input.ownerOrgUnitId(),
					definitions.definition(input.schema(), input.layout()), by);
		}
		audit.record("workflow.form-imported", "form:" + input.key(), Map.of("created", !exists));
		return !exists;
	}

	private void check(FormInput input, boolean withKey) {
		List<FieldProblem> problems = new ArrayList<>();
		if (withKey && (input.key() == null || !input.key().matches(KEY))) {
			problems.add(new FieldProblem("key", "workflow.form.key"));
		}
		Map<String, String> name = input.name();
		if (name == null || blank(name.get("zh-CN")) || blank(name.get("en-US")) || name.get("zh-CN").length() > 200
				|| name.get("en-US").length() > 200) {
			problems.add(new FieldProblem("name", "workflow.form.name"));
		}
		if (input.ownerOrgUnitId() != null
				&& profiles.existingOrgUnits(List.of(input.ownerOrgUnitId())).isEmpty()) {
			problems.add(new FieldProblem("ownerOrgUnitId", "workflow.form.owner"));
		}
		problems.addAll(DefinitionCheck.check(input.schema(), input.layout()));
		problems.addAll(DefinitionCheck.unknownCodeSets(input.layout(), codeSets::exists));
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/**
	 * A form as the designer sends it.
	 * @param key only read when creating or importing
	 * @param ownerOrgUnitId may be null
	 */
	record FormInput(String key, Map<String, String> name, UUID ownerOrgUnitId, JsonNode schema, JsonNode layout) {

		/**
		 * @param document an export ({@code format: onecampus-form, formatVersion: 1})
		 * @throws PlatformException 422 when it is not one or its owner is not a UUID
		 */
		static FormInput fromExport(JsonNode document) {
			if (!FormsController.EXPORT_FORMAT.equals(FormLayout.text(document.get("format")))
					|| document.path("formatVersion").asInt() != 1) {
				throw new PlatformException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "workflow.form.import");
			}
			Map<String, String> name = new java.util.LinkedHashMap<>();
			document.path("name").properties().forEach(e -> name.put(e.getKey(), e.getValue().asString()));
			String owner = FormLayout.text(document.get("ownerOrgUnitId"));
			UUID ownerId;
			try {
				ownerId = owner == null ? null : UUID.fromString(owner);
			}
			catch (IllegalArgumentException ex) {
				throw PlatformException.invalid(List.of(new FieldProblem("ownerOrgUnitId", "workflow.form.owner")));
			}
			return new FormInput(FormLayout.text(document.get("key")), name, ownerId, document.get("schema"),
					document.get("layout"));
		}

	}
}
