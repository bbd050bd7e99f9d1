package org.onecampus.identity.internal.people;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the people administration API. */
final class PersonForms {

	private PersonForms() {
	}

	/**
	 * A new person with a first affiliation (which places them in the org tree and in a
	 * department administrator's scope).
	 * @param idCard 身份证; may be null
	 */
	record NewPerson(@NotBlank @Size(max = 100) String name, @Size(max = 200) String nameEn,
			@Pattern(regexp = "M|F") String gender, LocalDate birthDate,
			@Pattern(regexp = "\\+?[0-9]{5,20}") String phone, @Email @Size(max = 200) String email,
			@Size(max = 18) String idCard, @NotNull @Valid AffiliationForm affiliation) {
	}

	/**
	 * Changed person fields. {@code idCard}: null keeps the stored number, a value replaces it.
	 */
	record PersonChange(@NotBlank @Size(max = 100) String name, @Size(max = 200) String nameEn,
			@Pattern(regexp = "M|F") String gender, LocalDate birthDate,
			@Pattern(regexp = "\\+?[0-9]{5,20}") String phone, @Email @Size(max = 200) String email,
			@Size(max = 18) String idCard) {
	}

	/**
	 * @param identifier 学号/工号; unique; may be null (visitors)
	 * @param status ACTIVE when null
	 * @param endDate required for contractors, visitors and visiting scholars
	 * @param primary null: not the primary affiliation
	 */
	record AffiliationForm(@NotNull @Pattern(regexp = AffiliationRules.TYPE_PATTERN) String type,
			@Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String identifier, @NotNull UUID orgUnitId,
			@Pattern(regexp = AffiliationRules.STATUS_PATTERN) String status, @NotNull LocalDate startDate,
			LocalDate endDate, Boolean primary) {

		boolean isPrimary() {
			return Boolean.TRUE.equals(primary);
		}

		String statusOrActive() {
			return status == null ? "ACTIVE" : status;
		}
	}
}
