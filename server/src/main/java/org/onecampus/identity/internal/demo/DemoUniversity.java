package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The generated demo university, row by row as the identity tables hold it. Immutable; lists keep
 * the order in which the rows must be inserted (every org unit after its parent).
 */
public record DemoUniversity(List<OrgUnit> orgUnits, List<Person> people, List<Affiliation> affiliations,
		List<Position> positions, List<Account> accounts) {

	public DemoUniversity {
		orgUnits = List.copyOf(orgUnits);
		people = List.copyOf(people);
		affiliations = List.copyOf(affiliations);
		positions = List.copyOf(positions);
		accounts = List.copyOf(accounts);
	}

	/** @return the org unit with this code, or empty */
	public Optional<OrgUnit> orgUnit(String code) {
		return orgUnits.stream().filter(unit -> unit.code().equals(code)).findFirst();
	}

	/** @return the account with this username, or empty */
	public Optional<Account> account(String username) {
		return accounts.stream().filter(account -> account.username().equals(username)).findFirst();
	}

	/** @return the person with this id, or empty */
	public Optional<Person> person(UUID id) {
		return people.stream().filter(person -> person.id().equals(id)).findFirst();
	}

	public enum OrgUnitType {
		UNIVERSITY, CAMPUS, COLLEGE, OFFICE, MAJOR, CLASS, RESEARCH_GROUP
	}

	public enum AffiliationType {
		UNDERGRADUATE, POSTGRADUATE, PHD, FACULTY, STAFF, CONTRACTOR, VISITING_SCHOLAR, SERVICE_STAFF, VISITOR,
		ALUMNUS, PARENT
	}

	public enum AffiliationStatus {
		ACTIVE, SUSPENDED, LEFT, GRADUATED, EXPIRED
	}

	public enum PositionKind {
		HEAD, DEPUTY_HEAD, COUNSELLOR, CLASS_ADVISOR, SUPERVISOR, OFFICE_STAFF
	}

	/** A row of {@code identity_org_unit}; {@code parentId} is null only for the university. */
	public record OrgUnit(UUID id, String code, String name, String nameEn, OrgUnitType type, UUID parentId,
			String campusCode, LocalDate validFrom, LocalDate validTo, int sortOrder) {
	}

	/**
	 * A row of {@code identity_person}. {@code idCardNumber} is the plain 身份证 number; the loader
	 * stores it only encrypted, digested and masked.
	 */
	public record Person(UUID id, String name, String nameEn, String gender, LocalDate birthDate, String phone,
			String email, String idCardNumber) {
	}

	/** A row of {@code identity_affiliation}; {@code identifier} (学号 / 工号) and {@code endDate} may be null. */
	public record Affiliation(UUID id, UUID personId, AffiliationType type, String identifier, UUID orgUnitId,
			AffiliationStatus status, LocalDate startDate, LocalDate endDate, boolean primary) {
	}

	/** A row of {@code identity_position}; {@code subjectPersonId} is set only for supervisors. */
	public record Position(UUID id, UUID personId, UUID orgUnitId, PositionKind kind, UUID subjectPersonId,
			LocalDate startDate, LocalDate endDate) {
	}

	/** A row of {@code identity_account} with its role codes ({@code identity_account_role}, unscoped). */
	public record Account(UUID id, UUID personId, String username, List<String> roles) {

		public Account {
			roles = List.copyOf(roles);
		}
	}
}
