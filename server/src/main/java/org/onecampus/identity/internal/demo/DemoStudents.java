package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;
import org.onecampus.identity.internal.demo.DemoOrgTree.SchoolClass;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationStatus;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationType;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;
import org.onecampus.identity.internal.demo.DemoUniversity.PositionKind;

/**
 * Undergraduates spread evenly over the classes (each class with its counsellor and class advisor),
 * master's students (three-year programmes) and doctoral students (four-year programmes) in their
 * colleges, each with a supervisor, and a few office staff who are doctoral students too.
 */
final class DemoStudents {

	/** Offices and colleges of the staff members who also study for a doctorate. */
	private static final List<List<String>> STAFF_DOCTORATES = List.of(List.of("AA", "SEM"), List.of("LIB", "LIT"),
			List.of("HR", "CS"));

	private final DemoRoster roster;

	private final DemoOrgTree tree;

	private final DemoIdentifiers identifiers;

	private final DemoAccounts fixed;

	private final DemoEmployees employees;

	private final Random random;

	private final List<Undergraduate> undergraduates = new ArrayList<>();

	DemoStudents(DemoRoster roster, DemoOrgTree tree, DemoIdentifiers identifiers, DemoAccounts fixed,
			DemoEmployees employees) {
		this.roster = roster;
		this.tree = tree;
		this.identifiers = identifiers;
		this.fixed = fixed;
		this.employees = employees;
		this.random = roster.random();
	}

	void enrol(DemoMix mix) {
		undergraduates(mix.undergraduates() - 1);
		classPositions();
		postgraduates(mix.postgraduates() - 1);
		doctoralStudents(mix.phds());
		staffDoctorates();
	}

	/** @return the generated undergraduates (not stu001), in creation order */
	List<Undergraduate> undergraduates() {
		return List.copyOf(undergraduates);
	}

	private void undergraduates(int count) {
		List<SchoolClass> classes = tree.classes();
		for (int i = 0; i < count; i++) {
			SchoolClass schoolClass = classes.get(i % classes.size());
			int grade = schoolClass.grade();
			String identifier = identifiers.undergraduate(grade, schoolClass.college());
			String gender = roster.gender();
			ChineseNames.Name name = ChineseNames.random(random, gender);
			LocalDate born = roster.bornIn(grade - 18 - (random.nextInt(4) == 0 ? 1 : 0));
			Person student = roster.enrol(identifier, name, gender, born);
			LocalDate start = LocalDate.of(grade, 9, 1);
			roster.affiliate(student, AffiliationType.UNDERGRADUATE, identifier, schoolClass.unit(), start);
			undergraduates.add(new Undergraduate(student, name, schoolClass.unit(), start));
		}
	}

	private void classPositions() {
		for (SchoolClass schoolClass : tree.classes()) {
			OrgUnit unit = schoolClass.unit();
			LocalDate start = unit.validFrom();
			roster.appoint(employees.counsellor(schoolClass.college(), schoolClass.grade()), unit,
					PositionKind.COUNSELLOR, null, start);
			Person advisor = unit.equals(fixed.studentClass()) ? fixed.faculty()
					: employees.nextClassAdvisor(schoolClass.college());
			roster.appoint(advisor, unit, PositionKind.CLASS_ADVISOR, null, start);
		}
	}

	private void postgraduates(int count) {
		College cs = DemoOrgCatalogue.college(DemoAccounts.COLLEGE);
		Person grad001 = fixed.postgraduate();
		roster.appoint(fixed.faculty(), tree.unit(cs.code()), PositionKind.SUPERVISOR, grad001,
				LocalDate.of(tree.newestGrade() - 1, 9, 1));
		for (int i = 0; i < count; i++) {
			College college = randomCollege();
			int entry = tree.newestGrade() - random.nextInt(3);
			String identifier = identifiers.postgraduate(entry, college);
			Person student = roster.enrol(identifier.toLowerCase(), roster.gender(),
					roster.bornIn(entry - 22 - random.nextInt(4)));
			study(student, AffiliationType.POSTGRADUATE, identifier, college, entry, true);
		}
	}

	private void doctoralStudents(int count) {
		for (int i = 0; i < count; i++) {
			College college = randomCollege();
			int entry = tree.newestGrade() - random.nextInt(4);
			String identifier = identifiers.phd(entry, college);
			Person student = roster.enrol(identifier.toLowerCase(), roster.gender(),
					roster.bornIn(entry - 24 - random.nextInt(5)));
			study(student, AffiliationType.PHD, identifier, college, entry, true);
		}
	}

	/** Office staff who study for a doctorate part-time: their second, non-primary affiliation. */
	private void staffDoctorates() {
		for (List<String> officeAndCollege : STAFF_DOCTORATES) {
			Person staff = employees.ordinaryStaff(officeAndCollege.get(0));
			College college = DemoOrgCatalogue.college(officeAndCollege.get(1));
			int entry = tree.newestGrade() - random.nextInt(4);
			study(staff, AffiliationType.PHD, identifiers.phd(entry, college), college, entry, false);
		}
	}

	private void study(Person student, AffiliationType type, String identifier, College college, int entry,
			boolean primary) {
		OrgUnit unit = tree.unit(college.code());
		LocalDate start = LocalDate.of(entry, 9, 1);
		roster.affiliate(student, type, identifier, unit, AffiliationStatus.ACTIVE, start, null, primary);
		roster.appoint(employees.randomSupervisor(college), unit, PositionKind.SUPERVISOR, student, start);
	}

	/** A college, more likely the more majors it has. */
	private College randomCollege() {
		List<College> colleges = DemoOrgCatalogue.colleges;
		int total = colleges.stream().mapToInt(college -> college.majors().size()).sum();
		int pick = random.nextInt(total);
		for (College college : colleges) {
			pick -= college.majors().size();
			if (pick < 0) {
				return college;
			}
		}
		throw new IllegalStateException("unreachable");
	}

	/** An undergraduate with their name (for a parent's surname), class and first day. */
	record Undergraduate(Person person, ChineseNames.Name name, OrgUnit schoolClass, LocalDate start) {
	}
}
