package org.onecampus.identity.internal.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One person as the administrator's detail page shows it: 身份证 masked, never in plain. */
@Component
class PersonDetails {

	private final JdbcClient jdbc;

	PersonDetails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the person when it exists and is in scope */
	Optional<Detail> find(UUID personId, Scope scope) {
		return scope.bind(jdbc.sql("""
				select id, name, name_en, gender, birth_date, phone, email, id_card_masked, created_at
				from identity_person p where p.id = :id""" + " and " + scope.personCondition("p.id")).param("id", personId))
			.query((rs, n) -> new Detail(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("name_en"),
					rs.getString("gender"), rs.getObject("birth_date", LocalDate.class), rs.getString("phone"),
					rs.getString("email"), rs.getString("id_card_masked"),
					rs.getTimestamp("created_at").toInstant(), affiliations(personId), positions(personId),
					account(personId).orElse(null), roles(personId)))
			.optional();
	}

	List<Affiliation> affiliations(UUID personId) {
		return jdbc.sql("""
				select a.id, a.type, a.identifier, a.status, a.start_date, a.end_date, a.is_primary,
				       o.id as org_id, o.code, o.name as org_name, o.name_en as org_name_en, o.type as org_type
				from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				where a.person_id = :id order by a.is_primary desc, a.start_date desc""").param("id", personId)
			.query((rs, n) -> new Affiliation(rs.getObject("id", UUID.class), rs.getString("type"),
					rs.getString("identifier"), rs.getString("status"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), rs.getBoolean("is_primary"),
					new Unit(rs.getObject("org_id", UUID.class), rs.getString("code"), rs.getString("org_name"),
							rs.getString("org_name_en"), rs.getString("org_type"))))
			.list();
	}

	private List<Position> positions(UUID personId) {
		return jdbc.sql("""
				select p.id, p.kind, p.start_date, p.end_date, s.name as subject_name,
				       o.id as org_id, o.code, o.name as org_name, o.name_en as org_name_en, o.type as org_type
				from identity_position p join identity_org_unit o on o.id = p.org_unit_id
				left join identity_person s on s.id = p.subject_person_id
				where p.person_id = :id order by p.end_date is null desc, p.start_date desc""").param("id", personId)
			.query((rs, n) -> new Position(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("subject_name"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class),
					new Unit(rs.getObject("org_id", UUID.class), rs.getString("code"), rs.getString("org_name"),
							rs.getString("org_name_en"), rs.getString("org_type"))))
			.list();
	}

	private Optional<Account> account(UUID personId) {
		return jdbc.sql("""
				select id, username, enabled, must_change_password, last_login_at from identity_account
				where person_id = :id""").param("id", personId)
			.query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
					rs.getTimestamp("last_login_at") == null ? null : rs.getTimestamp("last_login_at").toInstant()))
			.optional();
	}

	private List<Role> roles(UUID personId) {
		return jdbc.sql("""
				select r.code, r.name, r.name_en, o.code as scope_code, o.name as scope_name
				from identity_account a join identity_account_role ar on ar.account_id = a.id
				join identity_role r on r.code = ar.role_code
				left join identity_org_unit o on o.id = ar.scope_org_unit_id
				where a.person_id = :id order by r.code""").param("id", personId)
			.query((rs, n) -> new Role(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getString("scope_code"), rs.getString("scope_name")))
			.list();
	}

	/** @param account null when the person has no account */
	record Detail(UUID id, String name, String nameEn, String gender, LocalDate birthDate, String phone, String email,
			String idCardMasked, Instant createdAt, List<Affiliation> affiliations, List<Position> positions,
			Account account, List<Role> roles) {
	}

	record Affiliation(UUID id, String type, String identifier, String status, LocalDate startDate, LocalDate endDate,
			boolean primary, Unit orgUnit) {
	}

	/** @param subjectName for SUPERVISOR: the supervised student */
	record Position(UUID id, String kind, String subjectName, LocalDate startDate, LocalDate endDate, Unit orgUnit) {
	}

	record Unit(UUID id, String code, String name, String nameEn, String type) {
	}

	record Account(UUID id, String username, boolean enabled, boolean mustChangePassword, Instant lastLoginAt) {
	}

	/** @param scopeCode the org unit a scoped role is limited to; null for the whole university */
	record Role(String code, String name, String nameEn, String scopeCode, String scopeName) {
	}
}
