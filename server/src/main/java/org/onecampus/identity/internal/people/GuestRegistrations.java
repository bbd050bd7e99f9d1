package org.onecampus.identity.internal.people;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.demo.ChineseIdNumbers;
import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.identity.internal.passwords.PasswordChanges;
import org.onecampus.identity.internal.passwords.PasswordPolicy;
import org.onecampus.identity.internal.passwords.PersonalFacts;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Visitors and parents who register themselves: a person with a VISITOR or PARENT affiliation that
 * ends after a set time and an account that signs in by phone number, through the same person and
 * affiliation code as the administration API. The same phone and 身份证 again renews instead of
 * duplicating; a 身份证 or phone that belongs to anyone else (a student, an employee, another guest) is
 * refused without saying why.
 */
@Service
public class GuestRegistrations {

	static final Set<String> GUEST_TYPES = Set.of("VISITOR", "PARENT");

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final PersonEditing people;

	private final AffiliationEditing affiliations;

	private final IdCards idCards;

	private final PasswordPolicy policy;

	private final PasswordChanges passwords;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	GuestRegistrations(JdbcClient jdbc, PersonEditing people, AffiliationEditing affiliations, IdCards idCards,
			PasswordPolicy policy, PasswordChanges passwords, PasswordEncoder encoder, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.affiliations = affiliations;
		this.idCards = idCards;
		this.policy = policy;
		this.passwords = passwords;
		this.encoder = encoder;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/**
	 * A person registering themselves.
	 * @param type {@code VISITOR} or {@code PARENT}
	 * @param idCard a well-formed 身份证 (see {@link #idCardProblem(String)})
	 * @param childIdentifier the 学号 a parent gives; null for visitors
	 * @param childName the child's name a parent gives; null for visitors
	 * @param orgUnitId where visitors (and parents of an unmatched child) belong
	 */
	public record Guest(String name, String phone, String idCard, String type, String childIdentifier,
			String childName, String password, LocalDate until, UUID orgUnitId) {
	}

	public enum Result {
		CREATED, RENEWED, REFUSED
	}

	/**
	 * @param personId null when refused
	 * @param username null when refused
	 * @param childMatched whether a parent's child was found (never shown to the registrant)
	 */
	public record Outcome(Result result, UUID personId, String username, boolean childMatched) {

		public static final Outcome REFUSED = new Outcome(Result.REFUSED, null, null, false);
	}

	/** @return the message code of what is wrong with this 身份证, or empty when it is well-formed and plausible */
	public Optional<String> idCardProblem(String idCard) {
		if (!IdCards.isWellFormed(idCard)) {
			return Optional.of("identity.id-card.invalid");
		}
		LocalDate born = ChineseIdNumbers.birthDate(idCard.trim().toUpperCase(Locale.ROOT));
		LocalDate today = LocalDate.now(clock);
		return born.isAfter(today) || born.isBefore(today.minusYears(120)) ? Optional.of("identity.id-card.birth-date")
				: Optional.empty();
	}

	/** The 身份证's keyed digest, to count attempts per number without keeping the number. */
	public String idCardDigest(String idCard) {
		return idCards.digest(idCard);
	}

	/** The policy's verdict on a password for this registrant, as the strength meter shows it. */
	public org.onecampus.identity.internal.passwords.PasswordAssessment assess(String password, String phone,
			String idCard) {
		return policy.assess(password, facts(phone, idCard));
	}

	/** Whether this phone number belongs to someone who is not only a visitor or parent. */
	public boolean phoneBelongsToCampusMember(String phone) {
		return jdbc.sql("""
				select exists (select 1 from identity_person p where p.phone = :phone and (
				  not exists (select 1 from identity_affiliation f where f.person_id = p.id)
				  or exists (select 1 from identity_affiliation f where f.person_id = p.id
				             and f.type not in ('VISITOR', 'PARENT'))))""")
			.param("phone", phone).query(Boolean.class).single();
	}

	/**
	 * Creates the person and account, or renews the guest with this phone and 身份证.
	 * @throws PlatformException 422 naming {@code password} when it breaks the policy
	 */
	@Transactional
	public Outcome register(Guest guest, String ip) {
		String digest = idCards.digest(guest.idCard());
		List<UUID> byCard = jdbc.sql("select id from identity_person where id_card_digest = :d").param("d", digest)
			.query(UUID.class).list();
		List<UUID> byPhone = jdbc.sql("select id from identity_person where phone = :p").param("p", guest.phone())
			.query(UUID.class).list();
		if (byCard.isEmpty() && byPhone.isEmpty()) {
			return create(guest);
		}
		if (byCard.size() == 1 && byPhone.equals(byCard) && guestOnly(byCard.get(0))) {
			return renew(byCard.get(0), guest, ip);
		}
		return Outcome.REFUSED;
	}

	private Outcome create(Guest guest) {
		requireAcceptable(guest.password(), facts(guest.phone(), guest.idCard()));
		String idCard = guest.idCard().trim().toUpperCase(Locale.ROOT);
		Optional<Child> child = child(guest);
		UUID orgUnit = child.map(Child::orgUnitId).orElse(guest.orgUnitId());
		UUID personId = people.register(new PersonForms.NewPerson(guest.name().trim(), null, gender(idCard),
				ChineseIdNumbers.birthDate(idCard), guest.phone(), null, idCard,
				new PersonForms.AffiliationForm(guest.type(), null, orgUnit, null, LocalDate.now(clock), guest.until(),
						true)),
				Scope.WHOLE_UNIVERSITY);
		String username = "guest-" + randomSuffix();
		UUID accountId = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_account (id, person_id, username, password_hash, password_changed_at)
				values (:id, :person, :username, :hash, now())""")
			.param("id", accountId).param("person", personId).param("username", username)
			.param("hash", encoder.encode(guest.password())).update();
		// Every signed-in person is a MEMBER (their own profile); anything more comes from the affiliation type.
		jdbc.sql("insert into identity_account_role (account_id, role_code) values (:id, 'MEMBER')").param("id", accountId)
			.update();
		link(personId, guest, child);
		return new Outcome(Result.CREATED, personId, username, child.isPresent());
	}

	private Outcome renew(UUID personId, Guest guest, String ip) {
		Account account = jdbc.sql("select id, username, password_hash from identity_account where person_id = :p")
			.param("p", personId)
			.query((rs, n) -> new Account(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("password_hash")))
			.single();
		if (!encoder.matches(guest.password(), account.hash())) {
			requireAcceptable(guest.password(), facts(guest.phone(), guest.idCard()));
			passwords.reset(account.id(), guest.password(), ip);
		}
		Optional<UUID> current = jdbc.sql("""
				select id from identity_affiliation where person_id = :p and type = :t and status = 'ACTIVE'
				order by end_date desc nulls first limit 1 for update""")
			.param("p", personId).param("t", guest.type()).query(UUID.class).optional();
		Optional<Child> child = child(guest);
		if (current.isPresent()) {
			jdbc.sql("""
					update identity_affiliation set end_date = greatest(end_date, :until), updated_at = now() where id = :id""")
				.param("until", guest.until()).param("id", current.get()).update();
		}
		else {
			affiliations.add(personId, new PersonForms.AffiliationForm(guest.type(), null,
					child.map(Child::orgUnitId).orElse(guest.orgUnitId()), null, LocalDate.now(clock), guest.until(), true),
					Scope.WHOLE_UNIVERSITY);
		}
		jdbc.sql("update identity_person set name = :n where id = :id").param("n", guest.name().trim())
			.param("id", personId).update();
		jdbc.sql("update identity_account set enabled = true where id = :id").param("id", account.id()).update();
		link(personId, guest, child);
		return new Outcome(Result.RENEWED, personId, account.username(), child.isPresent());
	}

	private boolean guestOnly(UUID personId) {
		return jdbc.sql("""
				select count(*) > 0 and bool_and(type in ('VISITOR', 'PARENT')) from identity_affiliation where person_id = :p""")
			.param("p", personId).query(Boolean.class).single()
				&& jdbc.sql("select count(*) from identity_account where person_id = :p").param("p", personId)
					.query(Long.class).single() == 1;
	}

	/** A current student with this 学号 and exactly this name. */
	private Optional<Child> child(Guest guest) {
		if (!"PARENT".equals(guest.type()) || guest.childIdentifier() == null || guest.childName() == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select f.person_id, f.org_unit_id from identity_affiliation f join identity_person p on p.id = f.person_id
				where lower(f.identifier) = lower(:i) and f.type in ('UNDERGRADUATE', 'POSTGRADUATE', 'PHD')
				  and f.status = 'ACTIVE' and p.name = :name limit 1""")
			.param("i", guest.childIdentifier().trim()).param("name", guest.childName().trim())
			.query((rs, n) -> new Child(rs.getObject("person_id", UUID.class), rs.getObject("org_unit_id", UUID.class)))
			.optional();
	}

	private void link(UUID personId, Guest guest, Optional<Child> child) {
		if (!"PARENT".equals(guest.type()) || guest.childIdentifier() == null) {
			return;
		}
		boolean known = jdbc.sql("""
				select exists (select 1 from identity_guardian_link where parent_person_id = :p
				  and lower(claimed_identifier) = lower(:i))""")
			.param("p", personId).param("i", guest.childIdentifier().trim()).query(Boolean.class).single();
		if (!known) {
			jdbc.sql("""
					insert into identity_guardian_link (id, parent_person_id, claimed_identifier, child_person_id)
					values (:id, :p, :i, :c)""")
				.param("id", UUID.randomUUID()).param("p", personId).param("i", guest.childIdentifier().trim())
				.param("c", child.map(Child::personId).orElse(null)).update();
		}
	}

	private void requireAcceptable(String password, PersonalFacts facts) {
		if (password == null || password.isEmpty()) {
			throw PlatformException.invalid(List.of(new FieldProblem("password", "NotBlank")));
		}
		var problems = policy.assess(password, facts).problems();
		if (!problems.isEmpty()) {
			var properties = policy.properties();
			throw PlatformException.invalid(problems.stream()
				.map(p -> new FieldProblem("password", "password.problem." + p.code(), properties.minLength(),
						properties.maxLength(), properties.minClasses(), properties.history()))
				.toList());
		}
	}

	private static PersonalFacts facts(String phone, String idCard) {
		String number = idCard == null ? null : idCard.trim().toUpperCase(Locale.ROOT);
		boolean wellFormed = IdCards.isWellFormed(number);
		return new PersonalFacts(phone == null ? "" : phone, List.of(), phone, null,
				wellFormed ? ChineseIdNumbers.birthDate(number) : null, wellFormed ? number : null, null);
	}

	/** The 17th digit of a 身份证 is odd for men, even for women. */
	private static String gender(String idCard) {
		return (idCard.charAt(16) - '0') % 2 == 1 ? "M" : "F";
	}

	private String randomSuffix() {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}

	private record Account(UUID id, String username, String hash) {
	}

	private record Child(UUID personId, UUID orgUnitId) {
	}
}
