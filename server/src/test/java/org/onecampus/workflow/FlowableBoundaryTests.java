package org.onecampus.workflow;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Only the engine adapter package talks to Flowable; everything else uses its plain service methods. */
class FlowableBoundaryTests {

	static final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.onecampus");

	@Test
	void onlyTheEngineAdapterImportsFlowable() {
		noClasses().that().resideOutsideOfPackage("org.onecampus.workflow.internal.engine..")
			.should().dependOnClassesThat().resideInAPackage("org.flowable..")
			.check(classes);
	}
}
