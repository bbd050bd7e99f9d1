package org.onecampus.identity.internal.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.SelfRegistrationCodeRequested;
import org.onecampus.identity.SelfRegistrations;
import org.onecampus.identity.internal.passwords.PasswordAssessment;
import org.onecampus.identity.internal.people.GuestRegistrations;
import org.onecampus.identity.internal.people.GuestRegistrations.Guest;
import org.onecampus.identity.internal.people.GuestRegistrations.Outcome;
import org.onecampus.identity.internal.people.GuestRegistrations.Result;
import org.onecampus.identity.internal.protection.SignInSource;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-registration of visitors and parents in three calls: a code for a phone number (sent by the
 * messaging module, which fetches it once through {@link #codeFor(UUID)}), the code back, then the
 * person's details. Codes work like password-reset codes: only an HMAC at rest, valid for
 * {@link #VALID}, single use, burned after {@link #MAX_ATTEMPTS} wrong tries. A phone that belongs
 * to a campus member gets a decoy that answers like a real request but never receives or accepts a
 * code. Requests are limited per phone, client address and subnet, completions per 身份证.
 */
@Service
class SelfRegistrationRequests implements SelfRegistrations {

	static final Duration VALID = Duration.ofMinutes(10);

	/** How long after the code was verified the details may still be sent. */
	static final Duration TO_COMPLETE = Duration.ofMinutes(30);

	static final int MAX_ATTEMPTS = 5;

	static final String PHONE = "1[3-9]\\d{9}";

	private final JdbcClient jdbc;

	private final FieldCipher codes;

	private final GuestRegistrations guests;

	private final SelfRegistrationProperties properties;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	SelfRegistrationRequests(JdbcClient jdbc, DataKeys dataKeys, GuestRegistrations guests,
			SelfRegistrationProperties properties, ApplicationEventPublisher events, AuditLog audit,
			PlatformTransactionManager transactions, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.codes = new FieldCipher(dataKeys, "identity.self-registration");
		this.guests = guests;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	/**
	 * @return the request's id; the same kind of answer whether or not the phone belongs to someone
	 * @throws PlatformException 404 when self-registration is off, 422 for a malformed phone number,
	 * 429 {@code self-registration.too-many} when the phone, address or subnet asked too often
	 */
	UUID request(String phone, String ip) {
		requireEnabled();
		if (phone == null || !phone.trim().matches(PHONE)) {
			throw PlatformException.invalid(List.of(new FieldProblem("phone", "self-registration.phone")));
		}
		String number = phone.trim();
		String subnet = SignInSource.subnetOf(ip);
		UUID requested = transaction.execute(status -> {
			Instant since = clock.instant().minus(properties.window());
			if (count("phone", number, since) >= properties.perPhone() || count("ip", ip, since) >= properties.perIp()
					|| count("subnet", subnet, since) >= properties.perSubnet()) {
				return null;
			}
			boolean decoy = guests.phoneBelongsToCampusMember(number);
			UUID id = UUID.randomUUID();
			String code = "%06d".formatted(random.nextInt(1_000_000));
			Instant now = clock.instant();
			jdbc.sql("""
					insert into identity_self_registration (id, phone, decoy, code_hash, code_cipher, ip, subnet, created_at, expires_at)
					values (:id, :phone, :decoy, :hash, :cipher, :ip, :subnet, :created, :expires)""")
				.param("id", id).param("phone", number).param("decoy", decoy).param("hash", hash(id, code))
				.param("cipher", decoy ? null : codes.encrypt(code)).param("ip", ip).param("subnet", subnet)
				.param("created", at(now)).param("expires", at(now.plus(VALID))).update();
			audit.record(new AuditEntry(null, "identity.self-registration.requested", "self-registration:" + id,
					Map.of("phone", masked(number), "decoy", decoy), ip));
			if (!decoy) {
				events.publishEvent(new SelfRegistrationCodeRequested(id, (int) VALID.toMinutes()));
			}
			return id;
		});
		if (requested == null) {
			audit.record(new AuditEntry(null, "identity.self-registration.refused", "phone:" + masked(number),
					Map.of("reason", "too-many-requests"), ip));
			throw new PlatformException(HttpStatus.TOO_MANY_REQUESTS, "self-registration.too-many");
		}
		return requested;
	}

	@Override
	public Optional<CodeToSend> codeFor(UUID requestId) {
		return jdbc.sql("""
				with taken as (
				  select id, phone, code_cipher from identity_self_registration
				  where id = :id and code_cipher is not null and not decoy and used_at is null and expires_at > :now for update)
				update identity_self_registration r set code_cipher = null from taken where r.id = taken.id
				returning taken.phone, taken.code_cipher""")
			.param("id", requestId).param("now", at(clock.instant()))
			.query((rs, n) -> new CodeToSend(rs.getString("phone"), codes.decrypt(rs.getString("code_cipher"))))
			.optional();
	}

	/**
	 * Checks the code; a right one leaves {@link #TO_COMPLETE} to send the details.
	 * @throws PlatformException 400 {@code self-registration.invalid-code} for a wrong, expired, used,
	 * burned, decoy or unknown request (a wrong code counts towards burning it)
	 */
	void verify(UUID id, String code, String ip) {
		requireEnabled();
		boolean right = Boolean.TRUE.equals(transaction.execute(status -> {
			Instant now = clock.instant();
			Optional<Pending> pending = jdbc.sql("""
					select code_hash, decoy, verified_at from identity_self_registration
					where id = :id and used_at is null and expires_at > :now for update""")
				.param("id", id).param("now", at(now))
				.query((rs, n) -> new Pending(rs.getString("code_hash"), rs.getBoolean("decoy"),
						rs.getObject("verified_at") != null))
				.optional();
			if (pending.isEmpty()) {
				return false;
			}
			boolean matches = code != null && MessageDigest.isEqual(hash(id, code).getBytes(StandardCharsets.US_ASCII),
					pending.get().codeHash().getBytes(StandardCharsets.US_ASCII));
			if (!matches || pending.get().decoy() || pending.get().verified()) {
				jdbc.sql("""
						update identity_self_registration set attempts = attempts + 1,
						  used_at = case when attempts + 1 >= :max then :now else used_at end
						where id = :id""")
					.param("max", MAX_ATTEMPTS).param("now", at(now)).param("id", id).update();
				return false;
			}
			jdbc.sql("update identity_self_registration set verified_at = :now, expires_at = :until where id = :id")
				.param("now", at(now)).param("until", at(now.plus(TO_COMPLETE))).param("id", id).update();
			audit.record(new AuditEntry(null, "identity.self-registration.code-verified", "self-registration:" + id,
					Map.of(), ip));
			return true;
		}));
		if (!right) {
			throw new PlatformException(HttpStatus.BAD_REQUEST, "self-registration.invalid-code");
		}
	}

	/** The strength meter's verdict, only for a verified request (so it is no anonymous oracle). */
	PasswordAssessment assess(UUID id, String password, String idCard) {
		requireEnabled();
		String phone = verifiedPhone(id, false)
			.orElseThrow(() -> new PlatformException(HttpStatus.BAD_REQUEST, "self-registration.invalid-code"));
		if (password != null && password.length() > 256) {
			throw PlatformException.invalid(List.of(new FieldProblem("password", "self-registration.password-size")));
		}
		return guests.assess(password == null ? "" : password, phone, idCard);
	}

	/**
	 * Creates or renews the visitor or parent.
	 * @return the registration's outcome (CREATED or RENEWED) and until when it is valid
	 * @throws PlatformException 422 for bad details (the request stays usable), 400 for a request that
	 * was not verified or is used or expired, 429 when this 身份证 was used too often, 409
	 * {@code self-registration.refused} when the phone or 身份证 belongs to someone else
	 */
	Completed complete(UUID id, Details details, String ip) {
		requireEnabled();
		check(details);
		GuestKind kind = GuestKind.valueOf(details.kind());
		LocalDate until = LocalDate.now(clock).plusDays(properties.validity().of(kind).toDays());
		String digest = guests.idCardDigest(details.idCard());
		Instant since = clock.instant().minus(properties.window());
		record Done(Outcome outcome, boolean tooMany) {
		}
		Done done = transaction.execute(status -> {
			String phone = verifiedPhone(id, true)
				.orElseThrow(() -> new PlatformException(HttpStatus.BAD_REQUEST, "self-registration.invalid-code"));
			if (count("id_card_digest", digest, since) >= properties.perIdCard()) {
				return new Done(Outcome.REFUSED, true);
			}
			Outcome outcome = guests.register(new Guest(details.name(), phone, details.idCard(), kind.name(),
					blankToNull(details.childIdentifier()), blankToNull(details.childName()), details.password(), until,
					orgUnit()), ip);
			jdbc.sql("""
					update identity_self_registration set used_at = :now, code_cipher = null, id_card_digest = :d,
					  outcome = :outcome where id = :id""")
				.param("now", at(clock.instant())).param("d", digest).param("outcome", outcome.result().name())
				.param("id", id).update();
			Map<String, Object> facts = new LinkedHashMap<>();
			facts.put("kind", kind.name());
			facts.put("phone", masked(phone));
			if (outcome.result() == Result.REFUSED) {
				facts.put("reason", "phone-or-id-card-taken");
				audit.record(new AuditEntry(null, "identity.self-registration.refused", "self-registration:" + id, facts, ip));
			}
			else {
				facts.put("until", until.toString());
				if (kind == GuestKind.PARENT) {
					facts.put("childMatched", outcome.childMatched());
				}
				audit.record(new AuditEntry(outcome.username(), outcome.result() == Result.CREATED
						? "identity.self-registration.created" : "identity.self-registration.renewed",
						"person:" + outcome.personId(), facts, ip));
			}
			return new Done(outcome, false);
		});
		if (done.tooMany()) {
			audit.record(new AuditEntry(null, "identity.self-registration.refused", "self-registration:" + id,
					Map.of("reason", "too-many-for-id-card"), ip));
			throw new PlatformException(HttpStatus.TOO_MANY_REQUESTS, "self-registration.too-many");
		}
		if (done.outcome().result() == Result.REFUSED) {
			throw PlatformException.conflict("self-registration.refused");
		}
		return new Completed(done.outcome().result().name(), kind.name(), until);
	}

	SelfRegistrationProperties properties() {
		return properties;
	}

	private void check(Details details) {
		List<FieldProblem> problems = new ArrayList<>();
		if (details.name() == null || details.name().isBlank()) {
			problems.add(new FieldProblem("name", "NotBlank"));
		}
		else if (details.name().trim().length() > 50) {
			problems.add(new FieldProblem("name", "self-registration.name"));
		}
		if (details.idCard() == null || details.idCard().isBlank()) {
			problems.add(new FieldProblem("idCard", "NotBlank"));
		}
		else {
			guests.idCardProblem(details.idCard()).ifPresent(code -> problems.add(new FieldProblem("idCard", code)));
		}
		if (details.kind() == null || !List.of("VISITOR", "PARENT").contains(details.kind())) {
			problems.add(new FieldProblem("kind", "self-registration.kind"));
		}
		else if ("PARENT".equals(details.kind())) {
			if (details.childIdentifier() == null || !details.childIdentifier().trim().matches("[A-Za-z0-9_.-]{1,64}")) {
				problems.add(new FieldProblem("childIdentifier", "self-registration.child-identifier"));
			}
			if (details.childName() == null || details.childName().isBlank() || details.childName().trim().length() > 50) {
				problems.add(new FieldProblem("childName", "NotBlank"));
			}
		}
		if (details.password() == null || details.password().isEmpty()) {
			problems.add(new FieldProblem("password", "NotBlank"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private Optional<String> verifiedPhone(UUID id, boolean lock) {
		return jdbc.sql("""
				select phone from identity_self_registration
				where id = :id and verified_at is not null and used_at is null and not decoy and expires_at > :now"""
				+ (lock ? " for update" : ""))
			.param("id", id).param("now", at(clock.instant())).query(String.class).optional();
	}

	private UUID orgUnit() {
		return jdbc.sql("""
				select id from identity_org_unit where (cast(:code as text) is null and parent_id is null) or code = :code
				order by code limit 1""")
			.param("code", properties.orgUnit()).query(UUID.class).optional()
			.orElseThrow(() -> new IllegalStateException("No org unit for self-registered guests: " + properties.orgUnit()));
	}

	private long count(String column, String value, Instant since) {
		return jdbc.sql("select count(*) from identity_self_registration where " + column + " = :v and created_at > :since")
			.param("v", value).param("since", at(since)).query(Long.class).single();
	}

	private void requireEnabled() {
		if (!properties.enabled()) {
			throw new PlatformException(HttpStatus.NOT_FOUND, "self-registration.disabled");
		}
	}

	private String hash(UUID id, String code) {
		return codes.digest(id + ":" + code.trim());
	}

	static String masked(String phone) {
		return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "***";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static java.time.OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** What a registrant enters after the code. */
	record Details(String name, String idCard, String kind, String childIdentifier, String childName, String password) {
	}

	/**
	 * @param outcome CREATED or RENEWED
	 * @param validUntil the last day of the registration
	 */
	record Completed(String outcome, String kind, LocalDate validUntil) {
	}

	private record Pending(String codeHash, boolean decoy, boolean verified) {
	}
}
