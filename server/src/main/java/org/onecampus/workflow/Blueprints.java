package org.onecampus.workflow;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Installing ready-made forms and processes (the service hall's templates): each call creates the definition or
 * replaces its draft, then publishes it unless the latest published version already equals it, so installing
 * the same template twice publishes nothing new. Every change is audited as the actor's.
 */
public interface Blueprints {

	/**
	 * @param formExport a form export document (format {@code onecampus-form}, formatVersion 1: key, name, schema,
	 * layout), as {@code GET /api/v1/workflow/forms/{key}/export} produces
	 * @param ownerOrgUnitId the owning org unit; may be null
	 * @return the published version that equals the document
	 * @throws org.onecampus.kernel.error.PlatformException 422 when the document is invalid
	 */
	int installForm(JsonNode formExport, UUID ownerOrgUnitId, UUID actor);

	/**
	 * @param process the process to create or update and publish
	 * @return the published version that equals the blueprint
	 * @throws org.onecampus.kernel.error.PlatformException 422 when the model is invalid
	 */
	int installProcess(ProcessBlueprint process, UUID actor);

	/**
	 * A simple-designer process bound to a published form version.
	 * @param applicants {@code {affiliationTypes: [], roles: [], orgUnits: [codes]}}; empty lists: everyone
	 * @param model the simple model ({@code {"kind": "simple", "root": …}})
	 */
	record ProcessBlueprint(String key, Map<String, String> name, String formKey, Integer formVersion,
			JsonNode applicants, List<UUID> admins, UUID ownerOrgUnitId, JsonNode model) {
	}
}
