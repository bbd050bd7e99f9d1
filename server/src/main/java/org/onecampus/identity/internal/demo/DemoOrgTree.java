package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;
import org.onecampus.identity.internal.demo.DemoOrgCatalogue.Major;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnitType;

/**
 * The organisation tree of 示例大学 for a given day: the university, its campuses and offices, and
 * under every college its majors, one or two classes per major for each of the four grades in
 * school, and its research groups. Units come in insertion order, parents first.
 */
final class DemoOrgTree {

	static final String UNIVERSITY = "U";

	private static final LocalDate founded = LocalDate.of(1952, 10, 1);

	private static final LocalDate reorganised = LocalDate.of(2000, 5, 1);

	private final DemoIds ids;

	private final List<OrgUnit> units = new ArrayList<>();

	private final Map<String, OrgUnit> byCode = new HashMap<>();

	private final List<SchoolClass> classes = new ArrayList<>();

	private final List<Integer> grades;

	/**
	 * @param today the day the tree is for: from September on, that year's freshmen are in school
	 */
	DemoOrgTree(DemoIds ids, LocalDate today) {
		this.ids = ids;
		int newest = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
		this.grades = List.of(newest - 3, newest - 2, newest - 1, newest);
		build();
	}

	List<OrgUnit> units() {
		return List.copyOf(units);
	}

	/** @return the four grades (入学年份) in school, oldest first */
	List<Integer> grades() {
		return grades;
	}

	/** @return the newest grade: this academic year's freshmen */
	int newestGrade() {
		return grades.get(3);
	}

	/** @throws IllegalArgumentException for an unknown code */
	OrgUnit unit(String code) {
		OrgUnit unit = byCode.get(code);
		if (unit == null) {
			throw new IllegalArgumentException("No demo org unit " + code);
		}
		return unit;
	}

	/** @return every class, college by college, major by major, grade by grade */
	List<SchoolClass> classes() {
		return List.copyOf(classes);
	}

	private void build() {
		OrgUnit root = add(UNIVERSITY, "示例大学", "Demo University", OrgUnitType.UNIVERSITY, null,
				DemoOrgCatalogue.MAIN_CAMPUS, founded, 0);
		int order = 0;
		for (DemoOrgCatalogue.Campus campus : DemoOrgCatalogue.campuses) {
			add(campus.code(), campus.name(), campus.nameEn(), OrgUnitType.CAMPUS, root, campus.code(), founded, order++);
		}
		order = 0;
		for (DemoOrgCatalogue.Office office : DemoOrgCatalogue.allOffices()) {
			add(office.code(), office.name(), office.nameEn(), OrgUnitType.OFFICE, root, DemoOrgCatalogue.MAIN_CAMPUS,
					reorganised, order++);
		}
		order = 0;
		for (College college : DemoOrgCatalogue.colleges) {
			OrgUnit unit = add(college.code(), college.name(), college.nameEn(), OrgUnitType.COLLEGE, root,
					college.campus(), reorganised, order++);
			majors(college, unit);
			int groupOrder = college.majors().size();
			for (DemoOrgCatalogue.ResearchGroup group : college.groups()) {
				add(group.code(), group.name(), group.nameEn(), OrgUnitType.RESEARCH_GROUP, unit, college.campus(),
						LocalDate.of(2016, 1, 1), groupOrder++);
			}
		}
	}

	private void majors(College college, OrgUnit collegeUnit) {
		int order = 0;
		for (Major major : college.majors()) {
			OrgUnit majorUnit = add(college.code() + "-" + major.code(), major.name(), major.nameEn(), OrgUnitType.MAJOR,
					collegeUnit, college.campus(), LocalDate.of(2000, 9, 1), order++);
			int classOrder = 0;
			for (int grade : grades) {
				for (int number = 1; number <= major.classesPerGrade(); number++) {
					OrgUnit unit = add(majorUnit.code() + "-" + grade + "-" + number, major.name() + grade + "级" + number + "班",
							major.nameEn() + ", Class " + number + " of " + grade, OrgUnitType.CLASS, majorUnit,
							college.campus(), LocalDate.of(grade, 9, 1), classOrder++);
					classes.add(new SchoolClass(unit, college, grade));
				}
			}
		}
	}

	private OrgUnit add(String code, String name, String nameEn, OrgUnitType type, OrgUnit parent, String campus,
			LocalDate validFrom, int sortOrder) {
		OrgUnit unit = new OrgUnit(ids.of("org:" + code), code, name, nameEn, type, parent == null ? null : parent.id(),
				campus, validFrom, null, sortOrder);
		if (byCode.putIfAbsent(code, unit) != null) {
			throw new IllegalStateException("Duplicate demo org unit code " + code);
		}
		units.add(unit);
		return unit;
	}

	/** A class unit with the college it belongs to and its grade (入学年份). */
	record SchoolClass(OrgUnit unit, College college, int grade) {
	}
}
