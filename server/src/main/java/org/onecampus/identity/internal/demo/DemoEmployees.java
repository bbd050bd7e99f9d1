package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;
import org.onecampus.identity.internal.demo.DemoOrgCatalogue.Office;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationType;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;
import org.onecampus.identity.internal.demo.DemoUniversity.PositionKind;

/**
 * Faculty, counsellors and office staff, and the leadership positions they hold. Each college's
 * faculty list starts with its head, its deputy head and a senior professor (the third one of 物理学院
 * is the university's president, of 化学学院 its vice-president); each office's staff list with its
 * head and deputy head, everyone after them being OFFICE_STAFF. The first OFFICE_STAFF of 教务处 is a room
 * administrator (ROOM_ADMIN).
 */
final class DemoEmployees {

	/** Faculty from this place on advise classes and head research groups. */
	private static final int FIRST_ADVISOR = 3;

	/** Faculty from this place on supervise postgraduates. */
	private static final int FIRST_SUPERVISOR = 2;

	/** The office whose first OFFICE_STAFF (its third staff member) administers the rooms of 教室借用. */
	static final String ROOM_OFFICE = "AA";

	/** The role of the rooms administration (created by the hall's migrations). */
	static final String ROOM_ADMIN = "ROOM_ADMIN";

	private final DemoRoster roster;

	private final DemoOrgTree tree;

	private final DemoIdentifiers identifiers;

	private final DemoAccounts fixed;

	private final Map<String, List<Person>> facultyByCollege = new HashMap<>();

	private final Map<String, Person> counsellorByCollegeAndGrade = new HashMap<>();

	private final Map<String, List<Person>> staffByOffice = new HashMap<>();

	private final Map<String, Integer> advisorTurns = new HashMap<>();

	DemoEmployees(DemoRoster roster, DemoOrgTree tree, DemoIdentifiers identifiers, DemoAccounts fixed) {
		this.roster = roster;
		this.tree = tree;
		this.identifiers = identifiers;
		this.fixed = fixed;
	}

	void hire(DemoMix mix) {
		faculty(mix.faculty());
		counsellors();
		officeStaff(mix.officeStaff());
		appointLeaders();
	}

	/** @return the counsellor (辅导员) of a college's grade */
	Person counsellor(College college, int grade) {
		return counsellorByCollegeAndGrade.get(college.code() + grade);
	}

	/** @return the next class advisor of the college, taking turns among its faculty */
	Person nextClassAdvisor(College college) {
		List<Person> faculty = facultyByCollege.get(college.code());
		int turn = advisorTurns.merge(college.code(), 0, (previous, ignored) -> previous + 1);
		return faculty.get(FIRST_ADVISOR + turn % (faculty.size() - FIRST_ADVISOR));
	}

	/** @return a random professor of the college who is not its head or deputy head */
	Person randomSupervisor(College college) {
		List<Person> faculty = facultyByCollege.get(college.code());
		return faculty.get(FIRST_SUPERVISOR + roster.random().nextInt(faculty.size() - FIRST_SUPERVISOR));
	}

	/** @return a staff member of the office who is neither its head nor a fixed demo account */
	Person ordinaryStaff(String office) {
		return staffByOffice.get(office).stream().skip(2).filter(person -> !isFixed(person)).findFirst().orElseThrow();
	}

	private void faculty(int total) {
		List<College> colleges = DemoOrgCatalogue.colleges;
		int[] weights = colleges.stream().mapToInt(college -> 2 * college.majors().size() + college.groups().size()).toArray();
		int[] counts = DemoMix.allocate(total, weights, FIRST_ADVISOR + 2);
		for (int c = 0; c < colleges.size(); c++) {
			College college = colleges.get(c);
			OrgUnit unit = tree.unit(college.code());
			List<Person> faculty = new ArrayList<>();
			for (int seat = 0; seat < counts[c]; seat++) {
				faculty.add(facultySeat(college, unit, seat));
			}
			facultyByCollege.put(college.code(), faculty);
		}
	}

	private Person facultySeat(College college, OrgUnit unit, int seat) {
		if (college.code().equals(DemoAccounts.COLLEGE) && seat == 0) {
			return fixed.head();
		}
		if (college.code().equals(DemoAccounts.COLLEGE) && seat == FIRST_ADVISOR) {
			return fixed.faculty();
		}
		String identifier = identifiers.faculty();
		String gender = roster.gender();
		LocalDate born = seat < FIRST_ADVISOR ? roster.bornAged(45, 60) : roster.bornAged(28, 62);
		Person person = roster.enrol(identifier.toLowerCase(), gender, born);
		roster.affiliate(person, AffiliationType.FACULTY, identifier, unit, roster.joined(born, 28));
		return person;
	}

	private void counsellors() {
		for (College college : DemoOrgCatalogue.colleges) {
			OrgUnit unit = tree.unit(college.code());
			for (int grade : tree.grades()) {
				Person counsellor;
				if (college.code().equals(DemoAccounts.COLLEGE) && grade == fixed.studentGrade()) {
					counsellor = fixed.counsellor();
				}
				else {
					String identifier = identifiers.staff();
					LocalDate born = roster.bornAged(25, 40);
					counsellor = roster.enrol(identifier.toLowerCase(), roster.gender(), born);
					roster.affiliate(counsellor, AffiliationType.STAFF, identifier, unit, roster.joined(born, 24));
				}
				counsellorByCollegeAndGrade.put(college.code() + grade, counsellor);
			}
		}
	}

	private void officeStaff(int total) {
		List<Office> offices = DemoOrgCatalogue.offices;
		int[] counts = DemoMix.allocate(total, offices.stream().mapToInt(Office::weight).toArray(), 3);
		for (int o = 0; o < offices.size(); o++) {
			Office office = offices.get(o);
			OrgUnit unit = tree.unit(office.code());
			List<Person> fixedStaff = switch (office.code()) {
				case "ITC" -> List.of(fixed.admin(), fixed.it());
				case "INTL" -> List.of(fixed.international());
				default -> List.of();
			};
			List<Person> staff = new ArrayList<>();
			for (int seat = 0; seat < counts[o]; seat++) {
				int fixedSeat = seat - 2;
				staff.add(fixedSeat >= 0 && fixedSeat < fixedStaff.size() ? fixedStaff.get(fixedSeat) : officeSeat(unit, seat));
			}
			staffByOffice.put(office.code(), staff);
			if (ROOM_OFFICE.equals(office.code())) {
				// The first OFFICE_STAFF of 教务处 keeps the rooms of 教室借用.
				roster.grant(staff.get(2), ROOM_ADMIN);
			}
		}
	}

	private Person officeSeat(OrgUnit unit, int seat) {
		String identifier = identifiers.staff();
		LocalDate born = switch (seat) {
			case 0 -> roster.bornAged(45, 58);
			case 1 -> roster.bornAged(40, 55);
			default -> roster.bornAged(23, 58);
		};
		Person person = roster.enrol(identifier.toLowerCase(), roster.gender(), born);
		roster.affiliate(person, AffiliationType.STAFF, identifier, unit, roster.joined(born, 23));
		return person;
	}

	/**
	 * Staffs the {@linkplain DemoOrgCatalogue#laterOffices later offices} with new people, a head, a deputy head and
	 * OFFICE_STAFF each: called after everyone else is generated, so that nobody generated before changes.
	 */
	void staffLaterOffices(DemoMix mix) {
		for (int o = 0; o < DemoOrgCatalogue.laterOffices.size(); o++) {
			Office office = DemoOrgCatalogue.laterOffices.get(o);
			OrgUnit unit = tree.unit(office.code());
			List<Person> staff = new ArrayList<>();
			for (int seat = 0; seat < mix.laterOfficeStaff().get(o); seat++) {
				staff.add(officeSeat(unit, seat));
			}
			staffByOffice.put(office.code(), staff);
			appointStaff(unit, staff);
		}
	}

	private void appointLeaders() {
		OrgUnit university = tree.unit(DemoOrgTree.UNIVERSITY);
		appoint(facultyByCollege.get("PHYS").get(2), university, PositionKind.HEAD);
		appoint(facultyByCollege.get("CHEM").get(2), university, PositionKind.DEPUTY_HEAD);
		for (College college : DemoOrgCatalogue.colleges) {
			OrgUnit unit = tree.unit(college.code());
			List<Person> faculty = facultyByCollege.get(college.code());
			appoint(faculty.get(0), unit, PositionKind.HEAD);
			appoint(faculty.get(1), unit, PositionKind.DEPUTY_HEAD);
			for (DemoOrgCatalogue.ResearchGroup group : college.groups()) {
				Person leader = faculty.get(FIRST_ADVISOR + roster.random().nextInt(faculty.size() - FIRST_ADVISOR));
				appoint(leader, tree.unit(group.code()), PositionKind.HEAD);
			}
		}
		for (Office office : DemoOrgCatalogue.offices) {
			OrgUnit unit = tree.unit(office.code());
			appointStaff(unit, staffByOffice.get(office.code()));
		}
	}

	/** The first of an office's staff heads it, the second is the deputy head, everyone else OFFICE_STAFF. */
	private void appointStaff(OrgUnit unit, List<Person> staff) {
		appoint(staff.get(0), unit, PositionKind.HEAD);
		appoint(staff.get(1), unit, PositionKind.DEPUTY_HEAD);
		for (Person member : staff.subList(2, staff.size())) {
			appoint(member, unit, PositionKind.OFFICE_STAFF);
		}
	}

	private void appoint(Person holder, OrgUnit unit, PositionKind kind) {
		roster.appoint(holder, unit, kind, null, roster.appointmentStart(holder));
	}

	private boolean isFixed(Person person) {
		return person.equals(fixed.admin()) || person.equals(fixed.it()) || person.equals(fixed.international());
	}
}
