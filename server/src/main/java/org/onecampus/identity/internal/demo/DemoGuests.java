package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;
import org.onecampus.identity.internal.demo.DemoOrgCatalogue.Major;
import org.onecampus.identity.internal.demo.DemoStudents.Undergraduate;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationStatus;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationType;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;

/**
 * Everyone on campus who is neither a student nor a regular employee: contractors and visiting
 * scholars with an end date, service staff (security guards in 保卫处, catering and cleaning in 后勤部),
 * visitors leaving within two weeks, alumni with their graduated undergraduate affiliation, and
 * parents, who are affiliated with their child's class.
 */
final class DemoGuests {

	private static final List<String> CONTRACTOR_OFFICES = List.of("ITC", "LOG", "LAB", "LIB", "HOSP", "PRES");

	private final DemoRoster roster;

	private final DemoOrgTree tree;

	private final DemoIdentifiers identifiers;

	private final Random random;

	private final LocalDate today;

	DemoGuests(DemoRoster roster, DemoOrgTree tree, DemoIdentifiers identifiers) {
		this.roster = roster;
		this.tree = tree;
		this.identifiers = identifiers;
		this.random = roster.random();
		this.today = roster.today();
	}

	void admit(DemoMix mix, List<Undergraduate> undergraduates) {
		contractors(mix.contractors());
		serviceStaff(mix.serviceStaff());
		visitors(mix.visitors() - 1);
		alumni(mix.alumni());
		visitingScholars(mix.visitingScholars());
		parents(mix.parents(), undergraduates);
	}

	private void contractors(int count) {
		for (int i = 0; i < count; i++) {
			String identifier = identifiers.contractor();
			Person person = roster.enrol(identifier.toLowerCase(), roster.gender(), roster.bornAged(22, 55));
			OrgUnit office = tree.unit(CONTRACTOR_OFFICES.get(random.nextInt(CONTRACTOR_OFFICES.size())));
			roster.affiliate(person, AffiliationType.CONTRACTOR, identifier, office, AffiliationStatus.ACTIVE,
					roster.between(today.minusDays(700), today.minusDays(30)), today.plusDays(30 + random.nextInt(690)),
					true);
		}
	}

	/** Every other one a security guard, the others catering or cleaning staff. */
	private void serviceStaff(int count) {
		for (int i = 0; i < count; i++) {
			String identifier = identifiers.serviceStaff();
			LocalDate born = roster.bornAged(25, 58);
			Person person = roster.enrol(identifier.toLowerCase(), roster.gender(), born);
			roster.affiliate(person, AffiliationType.SERVICE_STAFF, identifier, tree.unit(i % 2 == 0 ? "SEC" : "LOG"),
					roster.joined(born, 20));
		}
	}

	/** Numbered after visitor001; half registered by 保卫处, half by the university. */
	private void visitors(int count) {
		for (int i = 0; i < count; i++) {
			Person person = roster.enrol("visitor%03d".formatted(i + 2), roster.gender(), roster.bornAged(18, 70));
			OrgUnit unit = tree.unit(i % 2 == 0 ? "SEC" : DemoOrgTree.UNIVERSITY);
			roster.affiliate(person, AffiliationType.VISITOR, null, unit, AffiliationStatus.ACTIVE,
					today.minusDays(random.nextInt(3)), today.plusDays(1 + random.nextInt(14)), true);
		}
	}

	/** Graduates of the last twenty years, signing in with their old 学号. */
	private void alumni(int count) {
		for (int i = 0; i < count; i++) {
			College college = DemoOrgCatalogue.colleges.get(random.nextInt(DemoOrgCatalogue.colleges.size()));
			Major major = college.majors().get(random.nextInt(college.majors().size()));
			int entry = tree.newestGrade() - 5 - random.nextInt(20);
			LocalDate graduated = LocalDate.of(entry + 4, 6, 30);
			String identifier = identifiers.undergraduate(entry, college);
			Person person = roster.enrol(identifier, roster.gender(), roster.bornIn(entry - 18));
			roster.affiliate(person, AffiliationType.UNDERGRADUATE, identifier,
					tree.unit(college.code() + "-" + major.code()), AffiliationStatus.GRADUATED, LocalDate.of(entry, 9, 1),
					graduated, false);
			roster.affiliate(person, AffiliationType.ALUMNUS, null, tree.unit(college.code()), AffiliationStatus.ACTIVE,
					graduated.plusDays(1), null, true);
		}
	}

	private void visitingScholars(int count) {
		for (int i = 0; i < count; i++) {
			College college = DemoOrgCatalogue.colleges.get(random.nextInt(DemoOrgCatalogue.colleges.size()));
			String identifier = identifiers.visitingScholar();
			Person person = roster.enrol(identifier.toLowerCase(), roster.gender(), roster.bornAged(30, 55));
			LocalDate start = roster.between(today.minusDays(180), today.minusDays(7));
			roster.affiliate(person, AffiliationType.VISITING_SCHOLAR, identifier, tree.unit(college.code()),
					AffiliationStatus.ACTIVE, start, start.plusMonths(random.nextBoolean() ? 6 : 12), true);
		}
	}

	/** Fathers share their child's surname; parents are 24 to 32 years older than the child. */
	private void parents(int count, List<Undergraduate> undergraduates) {
		for (int i = 0; i < count; i++) {
			Undergraduate child = undergraduates.get(random.nextInt(undergraduates.size()));
			String gender = roster.gender();
			ChineseNames.Name name = "M".equals(gender) ? ChineseNames.withSurname(random, child.name().surname(), gender)
					: ChineseNames.random(random, gender);
			LocalDate born = child.person().birthDate().minusYears(24 + random.nextInt(9)).minusDays(random.nextInt(365));
			Person parent = roster.enrol("parent%03d".formatted(i + 1), name, gender, born);
			roster.affiliate(parent, AffiliationType.PARENT, null, child.schoolClass(), child.start());
		}
	}
}
