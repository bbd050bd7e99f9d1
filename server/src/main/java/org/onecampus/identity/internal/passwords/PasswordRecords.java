package org.onecampus.identity.internal.passwords;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The password side of accounts: hashes, history, flags, and the facts the campus dictionary uses. */
@Repository
class PasswordRecords {

	private final JdbcClient jdbc;

	private final FieldCipher idCards;

	PasswordRecords(JdbcClient jdbc, DataKeys dataKeys) {
		this.jdbc = jdbc;
		this.idCards = new FieldCipher(dataKeys, "identity.id-card");
	}

	/** Whether the account must change its password now, and when the password was last set. */
	record PasswordState(boolean mustChange, Instant changedAt) {
	}

	Optional<PasswordState> state(UUID accountId) {
		return jdbc.sql("""
				select must_change_password, coalesce(password_changed_at, created_at) as changed_at
				from identity_account where id = :id""")
			.param("id", accountId)
			.query((rs, n) -> new PasswordState(rs.getBoolean("must_change_password"),
					rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	String hash(UUID accountId) {
		return jdbc.sql("select password_hash from identity_account where id = :id for update").param("id", accountId)
			.query(String.class).single();
	}

	/** @return the latest {@code limit} earlier hashes, newest first */
	List<String> history(UUID accountId, int limit) {
		return jdbc.sql("""
				select password_hash from identity_password_history where account_id = :id
				order by replaced_at desc, id desc limit :limit""")
			.param("id", accountId).param("limit", limit).query(String.class).list();
	}

	void replace(UUID accountId, String oldHash, String newHash, int keep) {
		jdbc.sql("insert into identity_password_history (account_id, password_hash) values (:id, :hash)")
			.param("id", accountId).param("hash", oldHash).update();
		jdbc.sql("""
				delete from identity_password_history where account_id = :id and id not in (
				  select id from identity_password_history where account_id = :id order by replaced_at desc, id desc limit :keep)""")
			.param("id", accountId).param("keep", Math.max(keep, 0)).update();
		jdbc.sql("""
				update identity_account set password_hash = :hash, password_changed_at = now(),
				  must_change_password = false, password_weak = false, password_score = null, password_scored_at = null
				where id = :id""")
			.param("hash", newHash).param("id", accountId).update();
	}

	/** Ends every stored session of {@code username} but {@code keepSessionId} (null: all of them). */
	int endOtherSessions(String username, String keepSessionId) {
		return jdbc.sql("delete from kernel_session where principal_name = :name and session_id is distinct from :keep")
			.param("name", username).param("keep", keepSessionId).update();
	}

	PersonalFacts facts(UUID accountId) {
		return jdbc.sql("""
				select a.username, p.phone, p.email, p.birth_date, p.id_card_cipher, p.name_en, p.id as person_id
				from identity_account a join identity_person p on p.id = a.person_id where a.id = :id""")
			.param("id", accountId)
			.query((rs, n) -> {
				String cipher = rs.getString("id_card_cipher");
				List<String> identifiers = jdbc.sql("""
						select identifier from identity_affiliation where person_id = :person and identifier is not null""")
					.param("person", rs.getObject("person_id", UUID.class)).query(String.class).list();
				return new PersonalFacts(rs.getString("username"), identifiers, rs.getString("phone"),
						rs.getString("email"), rs.getObject("birth_date", LocalDate.class),
						cipher == null ? null : idCards.decrypt(cipher), rs.getString("name_en"));
			})
			.single();
	}
}
