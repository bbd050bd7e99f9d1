package org.onecampus.identity.internal.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How many people of each kind a demo university of a given size has. Shares are per mille of all
 * people (for 5,000: 600 faculty, 250 office staff, 700 master's and 200 doctoral students, …);
 * counsellors are one per college and grade; undergraduates make up the rest. The staff of the
 * {@linkplain DemoOrgCatalogue#laterOffices later offices} (at least three each, as many per weight as the other
 * offices have) are taken from the parents, who are generated last, so that the total stays the same and everyone
 * generated before keeps their place.
 */
record DemoMix(int faculty, int counsellors, int officeStaff, int postgraduates, int phds, int contractors,
		int serviceStaff, int visitors, int alumni, int visitingScholars, int parents, int undergraduates,
		List<Integer> laterOfficeStaff) {

	static final int MIN_PEOPLE = 2_000;

	static final int MAX_PEOPLE = 100_000;

	/**
	 * @throws IllegalArgumentException when {@code people} is outside {@value #MIN_PEOPLE}–{@value #MAX_PEOPLE}
	 */
	static DemoMix of(int people, int counsellors) {
		if (people < MIN_PEOPLE || people > MAX_PEOPLE) {
			throw new IllegalArgumentException(
					"A demo university has between " + MIN_PEOPLE + " and " + MAX_PEOPLE + " people, not " + people);
		}
		int faculty = share(people, 120);
		int officeStaff = share(people, 50);
		int postgraduates = share(people, 140);
		int phds = share(people, 40);
		int contractors = share(people, 16);
		int serviceStaff = share(people, 8);
		int visitors = share(people, 12);
		int alumni = share(people, 20);
		int visitingScholars = share(people, 2);
		List<Integer> laterOfficeStaff = DemoOrgCatalogue.laterOffices.stream()
			.map(office -> laterOfficeStaff(officeStaff, office.weight()))
			.toList();
		int parentsAndLaterStaff = share(people, 4);
		int parents = parentsAndLaterStaff - laterOfficeStaff.stream().mapToInt(Integer::intValue).sum();
		int undergraduates = people - faculty - counsellors - officeStaff - postgraduates - phds - contractors
				- serviceStaff - visitors - alumni - visitingScholars - parentsAndLaterStaff;
		return new DemoMix(faculty, counsellors, officeStaff, postgraduates, phds, contractors, serviceStaff, visitors,
				alumni, visitingScholars, parents, undergraduates, laterOfficeStaff);
	}

	/** @return the staff of a later office: its share of the office staff by weight, at least three */
	private static int laterOfficeStaff(int officeStaff, int weight) {
		int weights = DemoOrgCatalogue.offices.stream().mapToInt(DemoOrgCatalogue.Office::weight).sum();
		return Math.max(3, officeStaff * weight / weights);
	}

	/**
	 * Splits {@code total} into parts proportional to the weights, each at least {@code minimum}, by
	 * largest remainder (ties to the lower index), so the parts always add up to {@code total}.
	 * @throws IllegalArgumentException when {@code total} cannot give every part its minimum
	 */
	static int[] allocate(int total, int[] weights, int minimum) {
		int rest = total - minimum * weights.length;
		if (rest < 0) {
			throw new IllegalArgumentException("Cannot give " + weights.length + " parts " + minimum + " each out of " + total);
		}
		long weightSum = Arrays.stream(weights).asLongStream().sum();
		int[] parts = new int[weights.length];
		long[] remainders = new long[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			parts[i] = minimum + (int) (rest * (long) weights[i] / weightSum);
			remainders[i] = rest * (long) weights[i] % weightSum;
			given += parts[i] - minimum;
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < weights.length; i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
		for (int i = 0; given < rest; i++, given++) {
			parts[order.get(i)]++;
		}
		return parts;
	}

	private static int share(int people, int perMille) {
		return people * perMille / 1000;
	}
}
