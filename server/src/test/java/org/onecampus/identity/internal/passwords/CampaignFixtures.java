package org.onecampus.identity.internal.passwords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds what a weak-password campaign test needs: a fresh class under 计算机学院 that only its
 * own demo students belong to (a second affiliation), so a campaign scoped to it targets exactly them.
 */
final class CampaignFixtures {

	static final String WEAK_PASSWORD = "Abc@123456";

	private final JdbcClient jdbc;

	private final String weakHash;

	CampaignFixtures(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.weakHash = encoder.encode(WEAK_PASSWORD);
	}

	/** A new class under {@code parentCode} holding the given demo accounts, each flagged weak. */
	UUID weakClass(String parentCode, List<String> usernames) {
		UUID unit = UUID.randomUUID();
		String code = "CMP-" + unit.toString().substring(0, 8);
		jdbc.sql("""
				insert into identity_org_unit (id, code, name, name_en, type, parent_id, valid_from)
				select :id, :code, '弱密码治理测试班 ' || :code, 'Campaign test class ' || :code, 'CLASS', id, :from
				from identity_org_unit where code = :parent""")
			.param("id", unit).param("code", code).param("parent", parentCode).param("from", LocalDate.of(2020, 9, 1))
			.update();
		for (String username : usernames) {
			jdbc.sql("""
					insert into identity_affiliation (id, person_id, type, identifier, org_unit_id, status, start_date, is_primary)
					select :id, person_id, 'UNDERGRADUATE', null, :unit, 'ACTIVE', :from, false
					from identity_account where username = :u""")
				.param("id", UUID.randomUUID()).param("unit", unit).param("from", LocalDate.of(2020, 9, 1))
				.param("u", username).update();
			weak(username);
		}
		return unit;
	}

	/** Gives the account the hash of {@link #WEAK_PASSWORD}, flagged weak as a sign-in with it would. */
	void weak(String username) {
		jdbc.sql("""
				update identity_account set password_hash = :hash, password_weak = true, password_score = 1,
				  password_scored_at = now(), must_change_password = false, password_changed_at = now()
				where username = :u""").param("u", username).param("hash", weakHash).update();
	}

	/** A demo account that signs in with the demo password and may work right away. */
	void ready(String username) {
		jdbc.sql("""
				update identity_account set must_change_password = false, password_changed_at = now(),
				  password_hash = (select password_hash from identity_account where username = 'stu001') where username = :u""")
			.param("u", username).update();
	}

	/** The code of the university, the root of the org tree. */
	String rootCode() {
		return jdbc.sql("select code from identity_org_unit where parent_id is null order by sort_order, code limit 1")
			.query(String.class).single();
	}

	UUID orgUnit(String code) {
		return jdbc.sql("select id from identity_org_unit where code = :c").param("c", code).query(UUID.class).single();
	}

	UUID personOf(String username) {
		return jdbc.sql("select person_id from identity_account where username = :u").param("u", username)
			.query(UUID.class).single();
	}

	void deadline(String campaignId, Instant deadline) {
		jdbc.sql("update identity_password_campaign set deadline = :d where id = cast(:id as uuid)")
			.param("d", java.sql.Timestamp.from(deadline)).param("id", campaignId).update();
	}

	/** In-app security messages of a person whose title contains {@code text}. */
	long messages(String username, String text) {
		return jdbc.sql("""
				select count(*) from messaging_delivery d join identity_account a on a.person_id = d.person_id
				where a.username = :u and d.channel = 'inapp' and d.category_code = 'security' and d.title like :t""")
			.param("u", username).param("t", "%" + text + "%").query(Long.class).single();
	}

	boolean mustChange(String username) {
		return jdbc.sql("select must_change_password from identity_account where username = :u").param("u", username)
			.query(Boolean.class).single();
	}

	/** Grants a role limited to the subtree of {@code unit}. */
	void grantScoped(String username, String role, UUID unit) {
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select id, :role, :unit from identity_account where username = :u
				on conflict (account_id, role_code) do update set scope_org_unit_id = excluded.scope_org_unit_id""")
			.param("u", username).param("role", role).param("unit", unit).update();
	}

	long audited(String action, String target) {
		return jdbc.sql("select count(*) from kernel_audit_event where action = :a and target = :t")
			.param("a", action).param("t", target).query(Long.class).single();
	}
}
