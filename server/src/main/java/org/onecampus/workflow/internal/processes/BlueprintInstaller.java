package org.onecampus.workflow.internal.processes;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.workflow.Blueprints;
import org.onecampus.workflow.internal.forms.FormInstaller;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Blueprints}: installs templates' forms and processes through the designers' own use cases. */
@Service
class BlueprintInstaller implements Blueprints {

	private final FormInstaller forms;

	private final ProcessDefinitions definitions;

	private final ProcessVersions versions;

	BlueprintInstaller(FormInstaller forms, ProcessDefinitions definitions, ProcessVersions versions) {
		this.forms = forms;
		this.definitions = definitions;
		this.versions = versions;
	}

	@Override
	public int installForm(JsonNode formExport, UUID ownerOrgUnitId, UUID actor) {
		return forms.install(formExport, ownerOrgUnitId, actor);
	}

	@Override
	@Transactional
	public int installProcess(ProcessBlueprint process, UUID actor) {
		Optional<ProcessVersion> latest = versions.latest(process.key());
		if (latest.isPresent() && same(latest.get(), process)) {
			return latest.get().version();
		}
		ProcessDraft draft = new ProcessDraft(process.name(), process.formKey(), process.formVersion(),
				process.applicants(), process.admins(), process.ownerOrgUnitId(), process.model(), null);
		if (definitions.find(process.key()).isPresent()) {
			definitions.update(process.key(), draft);
		}
		else {
			definitions.create(process.key(), draft, actor);
		}
		return definitions.publish(process.key(), actor).version();
	}

	private static boolean same(ProcessVersion version, ProcessBlueprint process) {
		return Objects.equals(version.model(), process.model()) && Objects.equals(version.name(), process.name())
				&& Objects.equals(version.formKey(), process.formKey())
				&& Objects.equals(version.formVersion(), process.formVersion())
				&& Objects.equals(version.applicants(), process.applicants())
				&& Objects.equals(version.admins(), process.admins());
	}
}
