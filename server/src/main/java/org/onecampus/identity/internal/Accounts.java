package org.onecampus.identity.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.CampusUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and what they are allowed to do. */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param login the username, or a 学号/工号, phone number or e-mail address (case-insensitive) that
	 * belongs to exactly one enabled account; anything that names several accounts names none
	 * @return the account as a security principal with its permissions, or empty
	 */
	Optional<CampusUser> findByLogin(String login) {
		return findForSignIn(login).map(SignInAccount::user);
	}

	/**
	 * An account as a sign-in finds it: the principal, whether the account has an enabled second factor, and
	 * whether its stored password has been scored for the weak-password report.
	 */
	record SignInAccount(CampusUser user, boolean secondFactor, boolean passwordScored) {
	}

	/** {@link #findByLogin}, also telling what the sign-in asks next: the second factor, the password's score. */
	Optional<SignInAccount> findForSignIn(String login) {
		// The account, its permissions, its second factor and whether its password was scored in one statement: one
		// round trip per sign-in, not four.
		return jdbc.sql("""
				select a.id, a.person_id, a.username, a.password_hash, a.enabled, p.name,
				  a.password_scored_at is not null as password_scored,
				  array(%s) as permissions,
				  exists (select 1 from identity_mfa_totp t where t.account_id = a.id and t.enabled) as second_factor
				from identity_account a join identity_person p on p.id = a.person_id
				where a.id = coalesce(
				  (select u.id from identity_account u where lower(u.username) = lower(:login)),
				  (select case when count(distinct x.id) = 1 then cast(min(cast(x.id as text)) as uuid) end from (
				     select e.id from identity_account e join identity_person ep on ep.id = e.person_id
				     where e.enabled and ep.phone = :login
				     union all select e.id from identity_account e join identity_person ep on ep.id = e.person_id
				     where e.enabled and lower(ep.email) = lower(:login)
				     union all select e.id from identity_account e join identity_affiliation ea on ea.person_id = e.person_id
				     where e.enabled and lower(ea.identifier) = lower(:login)) x))""".formatted(permissionsOf("a.id")))
			.param("login", login.trim())
			.query((rs, n) -> new SignInAccount(new CampusUser(rs.getObject("id", UUID.class),
					rs.getObject("person_id", UUID.class), rs.getString("username"), rs.getString("name"),
					rs.getString("password_hash"), rs.getBoolean("enabled"),
					List.of((String[]) rs.getArray("permissions").getArray())), rs.getBoolean("second_factor"),
					rs.getBoolean("password_scored")))
			.optional();
	}

	/**
	 * The permissions of the account's roles: granted to the account, to a current position of its person
	 * (the kind, anywhere or at that unit) or to the type of an ACTIVE, unexpired affiliation.
	 */
	List<String> permissions(UUID accountId) {
		return jdbc.sql(permissionsOf(":id")).param("id", accountId).query(String.class).list();
	}

	/**
	 * @return the query of the permissions of the account whose id is the SQL expression {@code account} (a
	 * parameter, or a column of an enclosing query: its aliases are not used in here)
	 */
	private static String permissionsOf(String account) {
		return """
				with roles as (
				  select ar.role_code from identity_account_role ar where ar.account_id = %1$s
				  union select pr.role_code from identity_account pa
				  join identity_position pos on pos.person_id = pa.person_id
				   and pos.start_date <= current_date and (pos.end_date is null or pos.end_date >= current_date)
				  join identity_position_role pr on pr.position_kind = pos.kind
				   and (pr.org_unit_id is null or pr.org_unit_id = pos.org_unit_id)
				  where pa.id = %1$s
				  union select fr.role_code from identity_account fa
				  join identity_affiliation f on f.person_id = fa.person_id and f.status = 'ACTIVE'
				   and f.start_date <= current_date and (f.end_date is null or f.end_date >= current_date)
				  join identity_affiliation_role fr on fr.affiliation_type = f.type
				  where fa.id = %1$s)
				select distinct rp.permission from roles r
				join identity_role_permission rp on rp.role_code = r.role_code order by 1""".formatted(account);
	}

	void signedIn(UUID accountId) {
		jdbc.sql("update identity_account set last_login_at = now() where id = :id").param("id", accountId).update();
	}

	void rehash(UUID accountId, String hash) {
		jdbc.sql("update identity_account set password_hash = :hash where id = :id")
			.param("hash", hash).param("id", accountId).update();
	}

	boolean any() {
		return jdbc.sql("select exists (select 1 from identity_account)").query(Boolean.class).single();
	}
}
