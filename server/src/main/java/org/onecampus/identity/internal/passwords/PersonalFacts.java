package org.onecampus.identity.internal.passwords;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a campus password must not be built from: the person's own identifiers, the usual material
 * of initial passwords (学号/工号, phone, birthday, the last six digits of the 身份证).
 * @param username the account's username; not null
 * @param identifiers 学号/工号 of every affiliation; not null, may be empty
 * @param phone mobile number; may be null
 * @param email e-mail address; may be null
 * @param birthDate date of birth; may be null
 * @param idCard the decrypted 身份证 number; may be null
 * @param nameEn the romanised name (pinyin), such as {@code Li Mingxuan}; may be null
 */
public record PersonalFacts(String username, List<String> identifiers, String phone, String email, LocalDate birthDate,
		String idCard, String nameEn) {

	private static final int MIN_TOKEN = 4;

	public PersonalFacts {
		Objects.requireNonNull(username, "username");
		identifiers = List.copyOf(identifiers);
	}

	/** Facts of someone about whom nothing but the username is known. */
	public static PersonalFacts ofUsername(String username) {
		return new PersonalFacts(username, List.of(), null, null, null, null, null);
	}

	/** The normalised tokens (lower case, letters and digits only, four characters or more). */
	List<String> tokens() {
		List<String> raw = new ArrayList<>();
		raw.add(username);
		raw.addAll(identifiers);
		raw.add(phone);
		if (email != null) {
			raw.add(email.contains("@") ? email.substring(0, email.indexOf('@')) : email);
		}
		if (birthDate != null) {
			for (String format : List.of("yyyyMMdd", "yyMMdd", "ddMMyyyy", "MMddyyyy")) {
				raw.add(birthDate.format(DateTimeFormatter.ofPattern(format)));
			}
		}
		if (idCard != null && idCard.length() >= 6) {
			raw.add(idCard);
			raw.add(idCard.substring(idCard.length() - 6));
			raw.add(idCard.substring(idCard.length() - 8));
		}
		if (nameEn != null) {
			String[] parts = nameEn.trim().split("\\s+");
			raw.add(String.join("", parts));
			if (parts.length > 1) {
				raw.add(String.join("", java.util.Arrays.copyOfRange(parts, 1, parts.length)));
			}
		}
		return raw.stream().filter(Objects::nonNull).map(PersonalFacts::normalise).filter(t -> t.length() >= MIN_TOKEN)
			.distinct().toList();
	}

	/** The raw values, as zxcvbn's user inputs. */
	List<String> userInputs() {
		List<String> inputs = new ArrayList<>(tokens());
		inputs.add(username);
		return inputs;
	}

	static String normalise(String value) {
		return value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}
}
