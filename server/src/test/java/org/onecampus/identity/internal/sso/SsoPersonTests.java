package org.onecampus.identity.internal.sso;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsoPersonTests {

	final SsoPerson staffWhoIsAlsoAPhdStudent = new SsoPerson(UUID.randomUUID(), UUID.randomUUID(), "t2019001", "王芳",
			"wang@example.edu", null, List.of("STAFF", "PHD"), List.of("T2019001", "B2023007"));

	@ParameterizedTest
	@CsvSource({ "'', true", "PHD, true", "FACULTY;STAFF, true", "UNDERGRADUATE, false", "VISITOR;ALUMNUS, false" })
	void aPersonMayUseAnAppWhenOneAffiliationIsAllowed(String allowed, boolean mayUse) {
		List<String> types = allowed.isEmpty() ? List.of() : List.of(allowed.split(";"));
		assertThat(staffWhoIsAlsoAPhdStudent.mayUse(types)).isEqualTo(mayUse);
	}

	@Test
	void onlyReleasedAttributesWithAValueAreGiven() {
		assertThat(staffWhoIsAlsoAPhdStudent.attributes(List.of("name", "phone", "affiliations")))
			.containsOnlyKeys("name", "affiliations");
		assertThat(staffWhoIsAlsoAPhdStudent.attributes(List.of())).isEmpty();
	}
}
