package org.onecampus.identity.internal.people;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates or updates a person keyed by the 学号/工号 of an affiliation, through the same rules as
 * the administration API ({@link PersonEditing}, {@link AffiliationEditing}); used by bulk imports
 * and directory sync so the SQL and the checks live in one place.
 */
@Service
public class PersonUpserts {

	private final JdbcClient jdbc;

	private final PersonEditing people;

	private final AffiliationEditing affiliations;

	PersonUpserts(JdbcClient jdbc, PersonEditing people, AffiliationEditing affiliations) {
		this.jdbc = jdbc;
		this.people = people;
		this.affiliations = affiliations;
	}

	/**
	 * One person with one affiliation, as an import row or a directory entry carries it.
	 * @param idCard 身份证, may be null (an existing number is then kept)
	 * @param identifier 学号/工号, the key
	 * @param startDate null: today for a new affiliation, unchanged for an existing one
	 */
	public record PersonRecord(String name, String nameEn, String gender, String phone, String email, String idCard,
			String type, String identifier, UUID orgUnitId, LocalDate startDate, LocalDate endDate) {
	}

	public enum Outcome {
		CREATED, UPDATED
	}

	/** @return whether this is one of the affiliation types (UNDERGRADUATE, FACULTY, ...) */
	public static boolean isKnownType(String type) {
		return type != null && type.matches(AffiliationRules.TYPE_PATTERN);
	}

	/** Throws {@link org.onecampus.kernel.error.PlatformException} when a rule is broken. */
	@Transactional
	public Outcome upsert(PersonRecord record, Scope scope) {
		Optional<Existing> existing = find(record.identifier());
		if (existing.isEmpty()) {
			people.register(new PersonForms.NewPerson(record.name(), record.nameEn(), record.gender(), null,
					record.phone(), record.email(), record.idCard(), new PersonForms.AffiliationForm(record.type(),
							record.identifier(), record.orgUnitId(), null, record.startDate() == null ? LocalDate.now() : record.startDate(),
							record.endDate(), true)),
					scope);
			return Outcome.CREATED;
		}
		Existing current = existing.get();
		people.change(current.personId(), new PersonForms.PersonChange(record.name(), record.nameEn(), record.gender(),
				current.birthDate(), record.phone(), record.email(), record.idCard()));
		affiliations.change(current.personId(), current.affiliationId(), new PersonForms.AffiliationForm(record.type(),
				record.identifier(), record.orgUnitId(), current.status(),
				record.startDate() == null ? current.startDate() : record.startDate(), record.endDate(),
				current.primary()), scope);
		return Outcome.UPDATED;
	}

	/**
	 * Ends the current affiliation with this 学号/工号 (LEFT; EXPIRED for fixed-term types).
	 * @return false when there is no such current affiliation
	 */
	@Transactional
	public boolean end(String identifier, Scope scope) {
		Optional<Existing> existing = find(identifier).filter(e -> "ACTIVE".equals(e.status()) || "SUSPENDED".equals(e.status()));
		if (existing.isEmpty()) {
			return false;
		}
		Existing current = existing.get();
		String status = AffiliationRules.needsEndDate(current.type()) ? "EXPIRED" : "LEFT";
		affiliations.change(current.personId(), current.affiliationId(), new PersonForms.AffiliationForm(current.type(),
				identifier, current.orgUnitId(), status, current.startDate(), null, current.primary()), scope);
		return true;
	}

	private Optional<Existing> find(String identifier) {
		return jdbc.sql("""
				select a.id, a.person_id, a.type, a.status, a.org_unit_id, a.start_date, a.is_primary, p.birth_date
				from identity_affiliation a join identity_person p on p.id = a.person_id
				where lower(a.identifier) = lower(:i)""")
			.param("i", identifier.trim())
			.query((rs, n) -> new Existing(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getString("type"), rs.getString("status"), rs.getObject("org_unit_id", UUID.class),
					rs.getObject("start_date", LocalDate.class), rs.getBoolean("is_primary"),
					rs.getObject("birth_date", LocalDate.class)))
			.optional();
	}

	private record Existing(UUID affiliationId, UUID personId, String type, String status, UUID orgUnitId,
			LocalDate startDate, boolean primary, LocalDate birthDate) {
	}
}
