package org.onecampus.identity.internal.protection;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection, under {@code onecampus.identity.protection}. Failures count within
 * {@code window}; after the free failures of a key each further failure doubles its delay, from
 * {@code baseDelay} up to {@code maxDelay}. Sources and subnets get far more free failures than an
 * account, because a dormitory or a campus NAT puts hundreds of students behind one address.
 * @param window how far back failures count
 * @param accountFreeFailures failures of one login before it is delayed
 * @param sourceFreeFailures failures from one address before it is delayed
 * @param subnetFreeFailures failures from one /24 (IPv4) or /64 (IPv6) before it is delayed
 * @param baseDelay the first delay
 * @param maxDelay the longest delay
 * @param stuffingAccounts distinct logins failing from one address that mark credential stuffing
 * @param stuffingBlock how long an address caught stuffing credentials is refused
 * @param deviceCookieDays how long a device that signed in successfully is recognised; a recognised
 * device is exempt from address and subnet throttles (but never from its account's)
 */
@ConfigurationProperties("onecampus.identity.protection")
public record ProtectionProperties(@DefaultValue("15m") Duration window, @DefaultValue("5") int accountFreeFailures,
		@DefaultValue("50") int sourceFreeFailures, @DefaultValue("200") int subnetFreeFailures,
		@DefaultValue("1s") Duration baseDelay, @DefaultValue("15m") Duration maxDelay,
		@DefaultValue("20") int stuffingAccounts, @DefaultValue("30m") Duration stuffingBlock,
		@DefaultValue("180") int deviceCookieDays) {

	/** The delay after {@code failures} failures of a key that has {@code free} free ones; zero while free. */
	Duration delay(int failures, int free) {
		if (failures <= free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - free - 1, 30);
		Duration delay = baseDelay.multipliedBy(1L << doublings);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}
}
