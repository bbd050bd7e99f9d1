package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Generates 示例大学 (Demo University): pure and deterministic, so the same seed and day always give
 * an equal {@link DemoUniversity} (ids included) and another seed gives other people. Nothing is
 * read from or written to anywhere; {@link DemoUniversityLoader} stores the result.
 */
public final class DemoUniversityGenerator {

	/** The number of people of the default demo university. */
	public static final int DEFAULT_PEOPLE = 5_000;

	/**
	 * The fixed demo accounts, first in every demo university: admin (PLATFORM_ADMIN), stu001, grad001,
	 * fac001, cou001, head001, intl001, it001 (SECURITY_OFFICER) and visitor001.
	 */
	public static final List<String> DEMO_USERNAMES = DemoAccounts.USERNAMES;

	/** @return a demo university of {@value #DEFAULT_PEOPLE} people as of {@code today} */
	public DemoUniversity generate(long seed, LocalDate today) {
		return generate(seed, today, DEFAULT_PEOPLE);
	}

	/**
	 * @param today decides the grades in school, ages and the end dates of visitors and contractors
	 * @param people how many people, 2,000 to 100,000; the nine fixed demo accounts come first
	 * @return the demo university, never null
	 * @throws IllegalArgumentException when {@code people} is out of range
	 */
	public DemoUniversity generate(long seed, LocalDate today, int people) {
		DemoIds ids = new DemoIds(seed);
		DemoOrgTree tree = new DemoOrgTree(ids, today);
		DemoMix mix = DemoMix.of(people, DemoOrgCatalogue.colleges.size() * tree.grades().size());
		DemoRoster roster = new DemoRoster(ids, new Random(seed), today);
		DemoIdentifiers identifiers = new DemoIdentifiers();
		DemoAccounts fixed = DemoAccounts.create(roster, tree, identifiers);
		DemoEmployees employees = new DemoEmployees(roster, tree, identifiers, fixed);
		employees.hire(mix);
		DemoStudents students = new DemoStudents(roster, tree, identifiers, fixed, employees);
		students.enrol(mix);
		new DemoGuests(roster, tree, identifiers).admit(mix, students.undergraduates());
		employees.staffLaterOffices(mix);
		return roster.build(tree.units());
	}
}
