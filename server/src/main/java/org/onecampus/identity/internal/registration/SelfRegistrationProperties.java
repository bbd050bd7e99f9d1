package org.onecampus.identity.internal.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-registration of visitors and parents, under {@code onecampus.identity.self-registration}.
 * @param enabled whether the public registration endpoints answer at all (off by default, on in the demo)
 * @param validity how long a registration lasts, per kind; registering again extends it
 * @param orgUnit code of the org unit visitors (and parents whose child was not matched) belong to;
 * null: the root of the org tree
 * @param window how far back the request limits count
 * @param perPhone code requests per phone number per window
 * @param perIp code requests per client address per window
 * @param perSubnet code requests per /24 (IPv4) or /64 (IPv6) per window
 * @param perIdCard completions (created, renewed or refused) per 身份证 per window
 */
@ConfigurationProperties("onecampus.identity.self-registration")
public record SelfRegistrationProperties(@DefaultValue("false") boolean enabled, @DefaultValue Validity validity,
		String orgUnit, @DefaultValue("1h") Duration window, @DefaultValue("3") int perPhone,
		@DefaultValue("10") int perIp, @DefaultValue("50") int perSubnet, @DefaultValue("3") int perIdCard) {

	/**
	 * @param visitor how long a visitor registration lasts
	 * @param parent how long a parent registration lasts
	 */
	public record Validity(@DefaultValue("30d") Duration visitor, @DefaultValue("365d") Duration parent) {

		Duration of(GuestKind kind) {
			return kind == GuestKind.PARENT ? parent : visitor;
		}
	}
}
