package org.onecampus.identity.internal.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers people and changes their personal data; each change audited, 身份证 only sealed. */
@Service
class PersonEditing {

	private final JdbcClient jdbc;

	private final IdCards idCards;

	private final AffiliationEditing affiliations;

	private final AuditLog audit;

	PersonEditing(JdbcClient jdbc, IdCards idCards, AffiliationEditing affiliations, AuditLog audit) {
		this.jdbc = jdbc;
		this.idCards = idCards;
		this.affiliations = affiliations;
		this.audit = audit;
	}

	@Transactional
	UUID register(PersonForms.NewPerson form, Scope scope) {
		checkIdCard(form.idCard(), null);
		UUID id = UUID.randomUUID();
		IdCards.Sealed idCard = form.idCard() == null || form.idCard().isBlank() ? null : idCards.seal(form.idCard());
		jdbc.sql("""
				insert into identity_person (id, name, name_en, gender, birth_date, phone, email,
				  id_card_cipher, id_card_digest, id_card_masked)
				values (:id, :name, :nameEn, :gender, :birthDate, :phone, :email, :cipher, :digest, :masked)""")
			.param("id", id).param("name", form.name().trim()).param("nameEn", blankToNull(form.nameEn()))
			.param("gender", form.gender()).param("birthDate", form.birthDate()).param("phone", blankToNull(form.phone()))
			.param("email", blankToNull(form.email())).param("cipher", idCard == null ? null : idCard.cipher())
			.param("digest", idCard == null ? null : idCard.digest()).param("masked", idCard == null ? null : idCard.masked())
			.update();
		audit.record("identity.person.created", "person:" + id, Map.of("idCard", idCard != null));
		affiliations.add(id, form.affiliation(), scope);
		return id;
	}

	@Transactional
	void change(UUID personId, PersonForms.PersonChange form) {
		checkIdCard(form.idCard(), personId);
		Map<String, Object> changed = new LinkedHashMap<>();
		jdbc.sql("select name, name_en, gender, birth_date, phone, email from identity_person where id = :id for update")
			.param("id", personId).query((rs, n) -> {
				compare(changed, "name", rs.getString("name"), form.name().trim());
				compare(changed, "nameEn", rs.getString("name_en"), blankToNull(form.nameEn()));
				compare(changed, "gender", rs.getString("gender"), form.gender());
				compare(changed, "birthDate", rs.getObject("birth_date", java.time.LocalDate.class), form.birthDate());
				compare(changed, "phone", rs.getString("phone"), blankToNull(form.phone()));
				compare(changed, "email", rs.getString("email"), blankToNull(form.email()));
				return true;
			}).single();
		jdbc.sql("""
				update identity_person set name = :name, name_en = :nameEn, gender = :gender, birth_date = :birthDate,
				  phone = :phone, email = :email where id = :id""")
			.param("id", personId).param("name", form.name().trim()).param("nameEn", blankToNull(form.nameEn()))
			.param("gender", form.gender()).param("birthDate", form.birthDate()).param("phone", blankToNull(form.phone()))
			.param("email", blankToNull(form.email())).update();
		if (form.idCard() != null && !form.idCard().isBlank()) {
			IdCards.Sealed idCard = idCards.seal(form.idCard());
			jdbc.sql("update identity_person set id_card_cipher = :c, id_card_digest = :d, id_card_masked = :m where id = :id")
				.param("c", idCard.cipher()).param("d", idCard.digest()).param("m", idCard.masked()).param("id", personId)
				.update();
			changed.put("idCard", "replaced");
		}
		audit.record("identity.person.changed", "person:" + personId, Map.of("fields", List.copyOf(changed.keySet())));
	}

	/** Only the names of changed fields are audited, never the personal data itself. */
	private static void compare(Map<String, Object> changed, String field, Object before, Object after) {
		if (before == null ? after != null : !before.equals(after)) {
			changed.put(field, true);
		}
	}

	private void checkIdCard(String idCard, UUID personId) {
		if (idCard == null || idCard.isBlank()) {
			return;
		}
		if (!IdCards.isWellFormed(idCard)) {
			throw PlatformException.invalid(new ArrayList<>(List.of(new FieldProblem("idCard", "identity.id-card.invalid"))));
		}
		boolean taken = jdbc.sql("select exists (select 1 from identity_person where id_card_digest = :d and (cast(:id as uuid) is null or id <> cast(:id as uuid)))")
			.param("d", idCards.digest(idCard)).param("id", personId).query(Boolean.class).single();
		if (taken) {
			throw PlatformException.conflict("identity.id-card-taken");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
