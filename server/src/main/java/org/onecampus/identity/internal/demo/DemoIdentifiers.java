package org.onecampus.identity.internal.demo;

import java.util.HashMap;
import java.util.Map;

import org.onecampus.identity.internal.demo.DemoOrgCatalogue.College;

/**
 * 学号 and 工号 of the demo university, unique by construction: 学号 are the entry year, the
 * college's two digits and a sequence within them ({@code 2023010007}; {@code S…} for master's and
 * {@code B…} for doctoral students); 工号 are a letter for the kind of employee and six digits
 * ({@code T} faculty, {@code A} staff, {@code C} contractors, {@code W} service staff, {@code V}
 * visiting scholars). Visitors and parents have none.
 */
final class DemoIdentifiers {

	private final Map<String, Integer> counters = new HashMap<>();

	String undergraduate(int entryYear, College college) {
		return "%d%02d%04d".formatted(entryYear, college.number(), next("U" + entryYear + college.code()));
	}

	String postgraduate(int entryYear, College college) {
		return "S%d%02d%04d".formatted(entryYear, college.number(), next("S" + entryYear + college.code()));
	}

	String phd(int entryYear, College college) {
		return "B%d%02d%04d".formatted(entryYear, college.number(), next("B" + entryYear + college.code()));
	}

	String faculty() {
		return employee("T");
	}

	String staff() {
		return employee("A");
	}

	String contractor() {
		return employee("C");
	}

	String serviceStaff() {
		return employee("W");
	}

	String visitingScholar() {
		return employee("V");
	}

	private String employee(String letter) {
		return letter + (100_000 + next(letter));
	}

	private int next(String counter) {
		return counters.merge(counter, 1, Integer::sum);
	}
}
