package org.onecampus.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds department administrators straight in the identity tables, for tests of subtree scoping. */
public final class DepartmentAdministrators {

	private DepartmentAdministrators() {
	}

	/**
	 * A staff member of {@code scopeCode} with an account (the demo password) holding PEOPLE_ADMIN limited to the
	 * subtree of {@code scopeCode}.
	 * @param suffix makes the username ({@code t<suffix>}) and 学号/工号 ({@code T<suffix>}) unique
	 * @return the username
	 */
	public static String peopleAdmin(JdbcClient jdbc, String scopeCode, String suffix) {
		return withRole(jdbc, "PEOPLE_ADMIN", scopeCode, suffix);
	}

	/**
	 * A staff member of {@code scopeCode} with an account (the demo password) holding {@code role} limited to the
	 * subtree of {@code scopeCode}.
	 * @param suffix makes the username ({@code t<suffix>}) and 学号/工号 ({@code T<suffix>}) unique
	 * @return the username
	 */
	public static String withRole(JdbcClient jdbc, String role, String scopeCode, String suffix) {
		UUID person = UUID.randomUUID();
		String username = "t" + suffix.toLowerCase(java.util.Locale.ROOT);
		jdbc.sql("insert into identity_person (id, name) values (:id, '院系管理员')").param("id", person).update();
		jdbc.sql("""
				insert into identity_affiliation (id, person_id, type, identifier, org_unit_id, status, start_date, is_primary)
				select :id, :person, 'STAFF', :identifier, id, 'ACTIVE', date '2020-09-01', true from identity_org_unit where code = :scope""")
			.param("id", UUID.randomUUID()).param("person", person).param("identifier", "T" + suffix).param("scope", scopeCode)
			.update();
		jdbc.sql("""
				insert into identity_account (id, person_id, username, password_hash)
				select :id, :person, :username, password_hash from identity_account where username = 'stu001'""")
			.param("id", UUID.randomUUID()).param("person", person).param("username", username).update();
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select a.id, :role, (select id from identity_org_unit where code = :scope) from identity_account a
				where a.username = :u""").param("role", role).param("scope", scopeCode).param("u", username).update();
		return username;
	}
}
