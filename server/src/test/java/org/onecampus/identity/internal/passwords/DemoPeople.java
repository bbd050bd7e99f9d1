package org.onecampus.identity.internal.passwords;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Picks generated demo people that no other test signs in as (the fixed demo accounts are left
 * alone), each test class from its own slice of the population so that password changes do not leak.
 */
final class DemoPeople {

	private final JdbcClient jdbc;

	DemoPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The n-th undergraduate from the end of the roster, with their 学号. */
	Student undergraduate(int n) {
		return jdbc.sql("""
				select a.username, f.identifier from identity_account a
				join identity_affiliation f on f.person_id = a.person_id and f.type = 'UNDERGRADUATE' and f.is_primary
				where a.username not like '%001' order by a.username desc offset :n limit 1""")
			.param("n", n)
			.query((rs, i) -> new Student(rs.getString("username"), rs.getString("identifier")))
			.single();
	}

	void mustChangePassword(String username) {
		jdbc.sql("update identity_account set must_change_password = true where username = :u").param("u", username)
			.update();
	}

	void grant(String username, String role) {
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code)
				select id, :role from identity_account where username = :u on conflict do nothing""")
			.param("u", username).param("role", role).update();
	}

	void storeHash(String username, String hash) {
		jdbc.sql("update identity_account set password_hash = :h where username = :u").param("u", username)
			.param("h", hash).update();
	}

	String hash(String username) {
		return jdbc.sql("select password_hash from identity_account where username = :u").param("u", username)
			.query(String.class).single();
	}

	long audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and target = :t")
			.param("a", action).param("t", target).query(Long.class).single();
	}

	String accountId(String username) {
		return jdbc.sql("select id::text from identity_account where username = :u").param("u", username)
			.query(String.class).single();
	}

	record Student(String username, String studentNumber) {
	}
}
