package org.onecampus.identity.internal.demo;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onecampus.identity.internal.demo.DemoUniversity.Account;
import org.onecampus.identity.internal.demo.DemoUniversity.Affiliation;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;
import org.onecampus.identity.internal.demo.DemoUniversity.Position;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a generated {@link DemoUniversity} into the identity tables in one transaction with batched
 * inserts. 身份证 numbers are stored only encrypted, as an HMAC digest and masked, never in plain.
 */
@Component
public class DemoUniversityLoader {

	/** The {@link FieldCipher} purpose of 身份证 numbers. */
	static final String ID_CARD_PURPOSE = "identity.id-card";

	private static final int BATCH_SIZE = 1_000;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final FieldCipher idCards;

	public DemoUniversityLoader(JdbcTemplate jdbcTemplate, JdbcClient jdbc, PlatformTransactionManager transactions,
			DataKeys dataKeys) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.idCards = new FieldCipher(dataKeys, ID_CARD_PURPOSE);
	}

	/** @return whether a demo university (the org unit with code {@code U}) is in the database */
	public boolean isLoaded() {
		return jdbc.sql("select exists (select 1 from identity_org_unit where code = :code)")
			.param("code", DemoOrgTree.UNIVERSITY)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Inserts everything, or nothing when any row fails (for example because a demo university is
	 * already loaded: codes, usernames and 学号 are unique).
	 * @param passwordHash the encoded demo password, the same for every account
	 * @throws org.springframework.dao.DataAccessException when the database refuses a row
	 */
	public void load(DemoUniversity university, String passwordHash) {
		List<Object[]> encryptedIdCards = encryptIdCards(university.people());
		transaction.executeWithoutResult(status -> {
			insertOrgUnits(university.orgUnits());
			insertPeople(university.people(), encryptedIdCards);
			insertAffiliations(university.affiliations());
			insertPositions(university.positions());
			insertAccounts(university.accounts(), passwordHash);
		});
	}

	/** Encrypted outside the transaction: AES-GCM and HMAC need no connection. */
	private List<Object[]> encryptIdCards(List<Person> people) {
		List<Object[]> rows = new ArrayList<>(people.size());
		for (Person person : people) {
			String number = person.idCardNumber();
			rows.add(number == null ? new Object[3]
					: new Object[] { idCards.encrypt(number), idCards.digest(number), ChineseIdNumbers.mask(number) });
		}
		return rows;
	}

	/** Parents first: the list is in tree order and the parent_id foreign key is checked per row. */
	private void insertOrgUnits(List<OrgUnit> units) {
		batch("""
				insert into identity_org_unit
				  (id, code, name, name_en, type, parent_id, campus_code, valid_from, valid_to, sort_order)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", units, (ps, unit) -> {
			uuid(ps, 1, unit.id());
			ps.setString(2, unit.code());
			ps.setString(3, unit.name());
			ps.setString(4, unit.nameEn());
			ps.setString(5, unit.type().name());
			uuid(ps, 6, unit.parentId());
			ps.setString(7, unit.campusCode());
			date(ps, 8, unit.validFrom());
			date(ps, 9, unit.validTo());
			ps.setInt(10, unit.sortOrder());
		});
	}

	private void insertPeople(List<Person> people, List<Object[]> encryptedIdCards) {
		List<Integer> indexes = new ArrayList<>(people.size());
		for (int i = 0; i < people.size(); i++) {
			indexes.add(i);
		}
		batch("""
				insert into identity_person
				  (id, name, name_en, gender, birth_date, phone, email, id_card_cipher, id_card_digest, id_card_masked)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", indexes, (ps, i) -> {
			Person person = people.get(i);
			Object[] idCard = encryptedIdCards.get(i);
			uuid(ps, 1, person.id());
			ps.setString(2, person.name());
			ps.setString(3, person.nameEn());
			ps.setString(4, person.gender());
			date(ps, 5, person.birthDate());
			ps.setString(6, person.phone());
			ps.setString(7, person.email());
			ps.setString(8, (String) idCard[0]);
			ps.setString(9, (String) idCard[1]);
			ps.setString(10, (String) idCard[2]);
		});
	}

	private void insertAffiliations(List<Affiliation> affiliations) {
		batch("""
				insert into identity_affiliation
				  (id, person_id, type, identifier, org_unit_id, status, start_date, end_date, is_primary)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", affiliations, (ps, affiliation) -> {
			uuid(ps, 1, affiliation.id());
			uuid(ps, 2, affiliation.personId());
			ps.setString(3, affiliation.type().name());
			ps.setString(4, affiliation.identifier());
			uuid(ps, 5, affiliation.orgUnitId());
			ps.setString(6, affiliation.status().name());
			date(ps, 7, affiliation.startDate());
			date(ps, 8, affiliation.endDate());
			ps.setBoolean(9, affiliation.primary());
		});
	}

	private void insertPositions(List<Position> positions) {
		batch("""
				insert into identity_position
				  (id, person_id, org_unit_id, kind, subject_person_id, start_date, end_date)
				values (?, ?, ?, ?, ?, ?, ?)""", positions, (ps, position) -> {
			uuid(ps, 1, position.id());
			uuid(ps, 2, position.personId());
			uuid(ps, 3, position.orgUnitId());
			ps.setString(4, position.kind().name());
			uuid(ps, 5, position.subjectPersonId());
			date(ps, 6, position.startDate());
			date(ps, 7, position.endDate());
		});
	}

	private void insertAccounts(List<Account> accounts, String passwordHash) {
		batch("""
				insert into identity_account (id, person_id, username, password_hash, enabled, must_change_password)
				values (?, ?, ?, ?, true, false)""", accounts, (ps, account) -> {
			uuid(ps, 1, account.id());
			uuid(ps, 2, account.personId());
			ps.setString(3, account.username());
			ps.setString(4, passwordHash);
		});
		List<AccountRole> roles = new ArrayList<>();
		for (Account account : accounts) {
			account.roles().forEach(role -> roles.add(new AccountRole(account.id(), role)));
		}
		batch("insert into identity_account_role (account_id, role_code, scope_org_unit_id) values (?, ?, null)", roles,
				(ps, role) -> {
					uuid(ps, 1, role.accountId());
					ps.setString(2, role.roleCode());
				});
	}

	private <T> void batch(String sql, List<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
		jdbcTemplate.batchUpdate(sql, rows, BATCH_SIZE, setter);
	}

	private static void uuid(PreparedStatement ps, int index, UUID value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.OTHER);
		}
		else {
			ps.setObject(index, value);
		}
	}

	private static void date(PreparedStatement ps, int index, LocalDate value) throws SQLException {
		if (value == null) {
			ps.setNull(index, Types.DATE);
		}
		else {
			ps.setObject(index, value);
		}
	}

	private record AccountRole(UUID accountId, String roleCode) {
	}
}
