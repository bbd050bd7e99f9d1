package org.onecampus.identity.internal.people;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds people straight in the identity tables, each with unique identifiers, for one test. */
final class PeopleFixtures {

	private final JdbcClient jdbc;

	PeopleFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	UUID orgUnit(String code) {
		return jdbc.sql("select id from identity_org_unit where code = :c").param("c", code).query(UUID.class).single();
	}

	UUID personOf(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}

	/** A person with one affiliation and an enabled account whose password is the demo password. */
	Built personWithAccount(String type, String orgCode, String status, LocalDate end) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID person = UUID.randomUUID();
		jdbc.sql("insert into identity_person (id, name, phone, email) values (:id, :n, :phone, :email)")
			.param("id", person).param("n", "测试" + suffix).param("phone", null).param("email", suffix + "@fixture.test")
			.update();
		UUID affiliation = affiliation(person, type, "T" + suffix, orgCode, status, end);
		String username = "t" + suffix;
		jdbc.sql("""
				insert into identity_account (id, person_id, username, password_hash)
				select :id, :person, :username, password_hash from identity_account where username = 'stu001'""")
			.param("id", UUID.randomUUID()).param("person", person).param("username", username).update();
		return new Built(person, affiliation, username, "T" + suffix);
	}

	UUID affiliation(UUID person, String type, String identifier, String orgCode, String status, LocalDate end) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_affiliation (id, person_id, type, identifier, org_unit_id, status, start_date, end_date, is_primary)
				values (:id, :person, :type, :identifier, :org, :status, :start, :end, true)""")
			.param("id", id).param("person", person).param("type", type).param("identifier", identifier)
			.param("org", orgUnit(orgCode)).param("status", status).param("start", LocalDate.of(2020, 9, 1))
			.param("end", end).update();
		return id;
	}

	/** Grants a role to the account, limited to the subtree of {@code scopeOrgCode} (null: everywhere). */
	void grant(String username, String role, String scopeOrgCode) {
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select a.id, :role, (select id from identity_org_unit where code = :scope) from identity_account a
				where a.username = :u""").param("role", role).param("scope", scopeOrgCode).param("u", username).update();
	}

	boolean enabled(String username) {
		return jdbc.sql("select enabled from identity_account where username = :u").param("u", username)
			.query(Boolean.class).single();
	}

	String status(UUID affiliation) {
		return jdbc.sql("select status from identity_affiliation where id = :id").param("id", affiliation)
			.query(String.class).single();
	}

	long audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and target = :t")
			.param("a", action).param("t", target).query(Long.class).single();
	}

	long published(UUID personId) {
		return jdbc.sql("""
				select count(*) from event_publication where event_type = 'org.onecampus.identity.PersonAffiliationChanged'
				and serialized_event like :p""").param("p", "%" + personId + "%").query(Long.class).single();
	}

	record Built(UUID personId, UUID affiliationId, String username, String identifier) {
	}
}
