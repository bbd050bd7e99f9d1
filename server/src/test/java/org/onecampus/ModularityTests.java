package org.onecampus;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold, and the module documentation in docs/modules is generated from them. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(OneCampusApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void everyModuleOfTheMissionExists() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
			.contains("kernel", "identity", "messaging", "workflow", "hall", "documents", "datahub", "security",
					"servicedesk", "insight");
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
	}
}
