package org.onecampus.workflow.internal.forms;

import java.util.UUID;

import org.onecampus.workflow.internal.forms.FormDesign.FormInput;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Installs a form from an export document and publishes it when it differs from the latest version. */
@Component
public class FormInstaller {

	private final FormDesign design;

	private final FormDefinitions definitions;

	FormInstaller(FormDesign design, FormDefinitions definitions) {
		this.design = design;
		this.definitions = definitions;
	}

	/**
	 * @param ownerOrgUnitId overrides the document's owner when not null
	 * @return the published version equal to the document
	 */
	@Transactional
	public int install(JsonNode document, UUID ownerOrgUnitId, UUID by) {
		FormInput parsed = FormInput.fromExport(document);
		FormInput input = ownerOrgUnitId == null ? parsed
				: new FormInput(parsed.key(), parsed.name(), ownerOrgUnitId, parsed.schema(), parsed.layout());
		design.importForm(input, by);
		return definitions.publish(input.key(), by)
			.orElseGet(() -> definitions.draft(input.key()).orElseThrow().latestVersion());
	}
}
