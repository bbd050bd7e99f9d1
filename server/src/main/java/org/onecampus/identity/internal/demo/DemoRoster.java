package org.onecampus.identity.internal.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.demo.DemoUniversity.Account;
import org.onecampus.identity.internal.demo.DemoUniversity.Affiliation;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationStatus;
import org.onecampus.identity.internal.demo.DemoUniversity.AffiliationType;
import org.onecampus.identity.internal.demo.DemoUniversity.OrgUnit;
import org.onecampus.identity.internal.demo.DemoUniversity.Person;
import org.onecampus.identity.internal.demo.DemoUniversity.Position;
import org.onecampus.identity.internal.demo.DemoUniversity.PositionKind;

/**
 * Collects the generated people with their accounts, affiliations and positions, in creation order,
 * and makes the personal details: birth dates, unique phone numbers, e-mail addresses and 身份证
 * numbers from unassigned area codes. All randomness comes from the one seeded {@link Random}.
 */
final class DemoRoster {

	static final String EMAIL_DOMAIN = "demo.edu.cn";

	static final String MEMBER = "MEMBER";

	/** Mobile number prefixes of the 1[3-9]x form. */
	private static final String[] PHONE_PREFIXES = { "130", "131", "132", "133", "134", "135", "136", "137", "138",
			"139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177",
			"178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "198", "199" };

	private final DemoIds ids;

	private final Random random;

	private final LocalDate today;

	private final List<Person> people = new ArrayList<>();

	private final List<Account> accounts = new ArrayList<>();

	private final List<Affiliation> affiliations = new ArrayList<>();

	private final List<Position> positions = new ArrayList<>();

	private final Set<String> usernames = new HashSet<>();

	private final Set<String> phones = new HashSet<>();

	private final Set<String> idCardNumbers = new HashSet<>();

	private final Map<UUID, LocalDate> firstJoined = new HashMap<>();

	DemoRoster(DemoIds ids, Random random, LocalDate today) {
		this.ids = ids;
		this.random = random;
		this.today = today;
	}

	Random random() {
		return random;
	}

	LocalDate today() {
		return today;
	}

	/** @return a new person with a random name, and their account with the role MEMBER */
	Person enrol(String username, String gender, LocalDate birthDate) {
		ChineseNames.Name name = ChineseNames.random(random, gender);
		return enrol(username, name.chinese(), name.english(), gender, birthDate, List.of());
	}

	/** @return a new person with the generated name, and their account with the role MEMBER */
	Person enrol(String username, ChineseNames.Name name, String gender, LocalDate birthDate) {
		return enrol(username, name.chinese(), name.english(), gender, birthDate, List.of());
	}

	/** @return a new person with a given name, and their account with MEMBER and the extra roles */
	Person enrol(String username, String name, String nameEn, String gender, LocalDate birthDate,
			List<String> extraRoles) {
		if (!usernames.add(username)) {
			throw new IllegalStateException("Duplicate demo username " + username);
		}
		Person person = new Person(ids.of("person:" + username), name, nameEn, gender, birthDate, phone(),
				username + "@" + EMAIL_DOMAIN, idCardNumber(gender, birthDate));
		people.add(person);
		List<String> roles = new ArrayList<>();
		roles.add(MEMBER);
		roles.addAll(extraRoles);
		accounts.add(new Account(ids.of("account:" + username), person.id(), username, roles));
		return person;
	}

	/** Adds a role to the person's account (draws nothing at random: nobody generated after changes). */
	void grant(Person person, String role) {
		for (int i = 0; i < accounts.size(); i++) {
			Account account = accounts.get(i);
			if (account.personId().equals(person.id())) {
				List<String> roles = new ArrayList<>(account.roles());
				roles.add(role);
				accounts.set(i, new Account(account.id(), account.personId(), account.username(), roles));
				return;
			}
		}
		throw new IllegalArgumentException("No demo account for " + person.name());
	}

	Affiliation affiliate(Person person, AffiliationType type, String identifier, OrgUnit unit,
			AffiliationStatus status, LocalDate start, LocalDate end, boolean primary) {
		Affiliation affiliation = new Affiliation(ids.of("affiliation:" + affiliations.size()), person.id(), type,
				identifier, unit.id(), status, start, end, primary);
		affiliations.add(affiliation);
		firstJoined.putIfAbsent(person.id(), start);
		return affiliation;
	}

	/** An active affiliation without end, the person's primary one. */
	Affiliation affiliate(Person person, AffiliationType type, String identifier, OrgUnit unit, LocalDate start) {
		return affiliate(person, type, identifier, unit, AffiliationStatus.ACTIVE, start, null, true);
	}

	/** @param subject the supervised student for SUPERVISOR, otherwise null */
	void appoint(Person holder, OrgUnit unit, PositionKind kind, Person subject, LocalDate start) {
		positions.add(new Position(ids.of("position:" + positions.size()), holder.id(), unit.id(), kind,
				subject == null ? null : subject.id(), start, null));
	}

	/**
	 * @return a start for a position of someone who joined at least a month ago: within the last five
	 *     years, and not before they joined
	 */
	LocalDate appointmentStart(Person holder) {
		LocalDate fiveYearsAgo = today.minusYears(5);
		LocalDate joined = firstJoined.getOrDefault(holder.id(), fiveYearsAgo);
		return between(joined.isAfter(fiveYearsAgo) ? joined : fiveYearsAgo, today.minusDays(30));
	}

	String gender() {
		return random.nextBoolean() ? "M" : "F";
	}

	/** @return a birth date of someone between {@code minAge} and {@code maxAge} years old today */
	LocalDate bornAged(int minAge, int maxAge) {
		return between(today.minusYears(maxAge + 1L).plusDays(1), today.minusYears(minAge));
	}

	/** @return a day between the two, both included */
	LocalDate between(LocalDate from, LocalDate to) {
		long days = to.toEpochDay() - from.toEpochDay();
		return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
	}

	/**
	 * @return a day on which someone born on {@code birthDate} joined the university, at {@code atAge}
	 *     or later and at least a month ago
	 */
	LocalDate joined(LocalDate birthDate, int atAge) {
		LocalDate latest = today.minusDays(30);
		LocalDate earliest = birthDate.plusYears(atAge);
		return earliest.isAfter(latest) ? latest : between(earliest, latest);
	}

	/** @return a day of the given year */
	LocalDate bornIn(int year) {
		return between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	DemoUniversity build(List<OrgUnit> orgUnits) {
		return new DemoUniversity(orgUnits, people, affiliations, positions, accounts);
	}

	private String phone() {
		String phone;
		do {
			phone = PHONE_PREFIXES[random.nextInt(PHONE_PREFIXES.length)] + "%08d".formatted(random.nextInt(100_000_000));
		}
		while (!phones.add(phone));
		return phone;
	}

	/** Odd sequence digits for men, even for women, as GB 11643 has it. */
	private String idCardNumber(String gender, LocalDate birthDate) {
		List<String> areas = ChineseIdNumbers.DEMO_AREA_CODES;
		String number;
		do {
			int sequence = random.nextInt(500) * 2 + ("M".equals(gender) ? 1 : 0);
			number = ChineseIdNumbers.compose(areas.get(random.nextInt(areas.size())), birthDate, sequence);
		}
		while (!idCardNumbers.add(number));
		return number;
	}
}
