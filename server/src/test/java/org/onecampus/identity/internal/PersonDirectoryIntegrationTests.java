package org.onecampus.identity.internal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.identity.PersonDirectory.Audience;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Audiences over the demo university resolve to exactly the people they mean. */
@IntegrationTest
class PersonDirectoryIntegrationTests {

	@Autowired
	PersonDirectory directory;

	@Autowired
	JdbcClient jdbc;

	UUID person(String username) {
		return directory.personIdByUsername(username).orElseThrow();
	}

	@Test
	void aContactHasTheAccountsLanguageAndAddresses() {
		var contact = directory.contact(person("stu001")).orElseThrow();
		assertThat(contact.username()).isEqualTo("stu001");
		assertThat(contact.name()).isEqualTo("李明轩");
		assertThat(contact.email()).isEqualTo("stu001@demo.edu.cn");
		assertThat(contact.phone()).matches("1[3-9]\\d{9}");
	}

	@Test
	void usernamesResolveAndUnknownOnesAreNamed() {
		var resolution = directory.resolve(Audience.ofUsernames("stu001", "STU001", "nobody"));
		assertThat(resolution.personIds()).containsExactly(person("stu001"));
		assertThat(resolution.unknown()).containsExactly("usernames:nobody");
	}

	@Test
	void aCollegeWithSubUnitsIncludesItsClassesButWithoutThemOnlyItsOwnMembers() {
		var withSubUnits = directory.resolve(new Audience(null, List.of("CS"), true, null, null, null));
		var withoutSubUnits = directory.resolve(new Audience(null, List.of("CS"), false, null, null, null));
		assertThat(withSubUnits.personIds()).contains(person("stu001"), person("head001"), person("fac001"));
		assertThat(withoutSubUnits.personIds()).contains(person("head001")).doesNotContain(person("stu001"));
		assertThat(withSubUnits.personIds().size()).isGreaterThan(withoutSubUnits.personIds().size());
	}

	@Test
	void positionsResolveAnywhereOrInOneUnit() {
		var headOfCs = directory.resolve(new Audience(null, null, false, List.of("HEAD@CS"), null, null));
		assertThat(headOfCs.personIds()).containsExactly(person("head001"));
		var counsellors = directory.resolve(new Audience(null, null, false, List.of("COUNSELLOR"), null, null));
		assertThat(counsellors.personIds()).contains(person("cou001")).hasSizeGreaterThan(10);
	}

	@Test
	void rolesAndAffiliationTypesResolveAndTheUnionIsDeduplicated() {
		var audience = new Audience(List.of("admin"), null, false, null, List.of("PLATFORM_ADMIN", "SECURITY_OFFICER"),
				List.of("VISITOR"));
		var resolution = directory.resolve(audience);
		long visitors = jdbc.sql("select count(distinct person_id) from identity_affiliation where type = 'VISITOR' and status = 'ACTIVE' and (end_date is null or end_date >= current_date)")
			.query(Long.class).single();
		assertThat(resolution.personIds()).contains(person("admin"), person("it001"), person("visitor001"));
		assertThat(resolution.personIds()).hasSize((int) visitors + 2);
		assertThat(resolution.unknown()).isEmpty();
	}

	@Test
	void unknownUnitsRolesPositionsAndTypesAreNamed() {
		var resolution = directory.resolve(new Audience(null, List.of("NOPE"), false, List.of("HEAD@NOPE"), List.of("GOD"),
				List.of("ALIEN")));
		assertThat(resolution.personIds()).isEmpty();
		assertThat(resolution.unknown()).containsExactlyInAnyOrder("orgUnits:NOPE", "positions:HEAD@NOPE", "roles:GOD",
				"affiliationTypes:ALIEN");
	}
}
