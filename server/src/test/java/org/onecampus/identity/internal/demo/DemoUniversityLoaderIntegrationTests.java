package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo profile's first start put the generated university into PostgreSQL, whole and protected. */
@IntegrationTest
class DemoUniversityLoaderIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataKeys keys;

	@Autowired
	DemoUniversityLoader loader;

	@Autowired
	OneCampusProperties properties;

	DemoUniversity expected() {
		return new DemoUniversityGenerator().generate(properties.demo().seed(), LocalDate.now(ZoneId.of("Asia/Shanghai")));
	}

	DemoUniversity.Person stu001() {
		DemoUniversity university = expected();
		return university.person(university.account("stu001").orElseThrow().personId()).orElseThrow();
	}

	@Test
	void everyGeneratedRowIsInTheDatabase() {
		// By id: other tests share this database and add rows of their own.
		DemoUniversity university = expected();
		assertThat(university.people()).hasSizeGreaterThanOrEqualTo(5_000);
		assertThat(present("identity_person", university.people().stream().map(DemoUniversity.Person::id)))
			.isEqualTo(university.people().size());
		assertThat(present("identity_org_unit", university.orgUnits().stream().map(DemoUniversity.OrgUnit::id)))
			.isEqualTo(university.orgUnits().size());
		assertThat(present("identity_affiliation", university.affiliations().stream().map(DemoUniversity.Affiliation::id)))
			.isEqualTo(university.affiliations().size());
		assertThat(present("identity_position", university.positions().stream().map(DemoUniversity.Position::id)))
			.isEqualTo(university.positions().size());
		assertThat(present("identity_account", university.accounts().stream().map(DemoUniversity.Account::id)))
			.isEqualTo(university.accounts().size());
	}

	private long present(String table, java.util.stream.Stream<UUID> ids) {
		return jdbc.sql("select count(*) from " + table + " where id = any(?)").param(ids.toArray(UUID[]::new))
			.query(Long.class).single();
	}

	@Test
	void theSameSeedGivesTheSamePeopleAsTheDatabaseHolds() {
		DemoUniversity.Person stu001 = stu001();
		String name = jdbc.sql("select name from identity_person where id = ?").param(stu001.id()).query(String.class).single();
		assertThat(name).isEqualTo(stu001.name()).isEqualTo("李明轩");
	}

	@Test
	void idCardNumbersAreStoredEncryptedMaskedAndFindableByExactMatch() {
		DemoUniversity.Person person = stu001();
		FieldCipher cipher = new FieldCipher(keys, DemoUniversityLoader.ID_CARD_PURPOSE);
		var row = jdbc.sql("select id_card_cipher, id_card_masked from identity_person where id = ?")
			.param(person.id()).query().singleRow();
		String stored = (String) row.get("id_card_cipher");
		assertThat(stored).doesNotContain(person.idCardNumber());
		assertThat(cipher.decrypt(stored)).isEqualTo(person.idCardNumber());
		assertThat((String) row.get("id_card_masked")).startsWith(person.idCardNumber().substring(0, 6))
			.endsWith(person.idCardNumber().substring(14)).contains("********");
		UUID found = jdbc.sql("select id from identity_person where id_card_digest = ?")
			.param(cipher.digest(person.idCardNumber().toLowerCase())).query(UUID.class).single();
		assertThat(found).isEqualTo(person.id());
		assertThat(count("identity_person where id_card_cipher like '%" + person.idCardNumber() + "%'")).isZero();
	}

	@Test
	void loadingASecondTimeChangesNothing() {
		long before = count("identity_person");
		assertThat(loader.isLoaded()).isTrue();
		assertThatThrownBy(() -> loader.load(expected(), "x")).isInstanceOf(RuntimeException.class);
		assertThat(count("identity_person")).isEqualTo(before);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
