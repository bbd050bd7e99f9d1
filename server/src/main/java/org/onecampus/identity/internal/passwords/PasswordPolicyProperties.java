package org.onecampus.identity.internal.passwords;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The campus password policy, under {@code onecampus.identity.password}.
 * @param minLength shortest password accepted
 * @param maxLength longest password accepted (Argon2 hashes anything, but a bound stops abuse)
 * @param minClasses how many of lower case, upper case, digits and symbols a password must mix
 * @param history how many previous passwords may not be reused (0: no history check)
 * @param maxAgeDays days after which a password must be changed (0: never expires, as NIST SP 800-63B advises)
 * @param minScore lowest zxcvbn score (0–4) accepted
 * @param weakScore sign-in passwords scoring below this are flagged as weak in the governance report
 */
@ConfigurationProperties("onecampus.identity.password")
public record PasswordPolicyProperties(@DefaultValue("10") int minLength, @DefaultValue("128") int maxLength,
		@DefaultValue("3") int minClasses, @DefaultValue("5") int history, @DefaultValue("0") int maxAgeDays,
		@DefaultValue("3") int minScore, @DefaultValue("3") int weakScore) {
}
