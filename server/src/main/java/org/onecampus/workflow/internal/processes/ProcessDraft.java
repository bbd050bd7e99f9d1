package org.onecampus.workflow.internal.processes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * A process draft as the designers send it: either {@code model} (the simple designer) or
 * {@code bpmnXml} (the BPMN designer).
 * @param applicants {@code {affiliationTypes: [], roles: [], orgUnits: [codes]}}; null or empty lists: everyone
 * @param formVersion the published form version the process uses; required with {@code formKey} to publish
 */
public record ProcessDraft(@NotEmpty Map<String, @Size(max = 200) String> name, @Size(max = 64) String formKey,
		@Positive Integer formVersion, JsonNode applicants, @Size(max = 50) List<UUID> admins, UUID ownerOrgUnitId,
		JsonNode model, @Size(max = 2_000_000) String bpmnXml) {
}
