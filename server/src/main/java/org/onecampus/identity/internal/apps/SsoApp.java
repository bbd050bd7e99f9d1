package org.onecampus.identity.internal.apps;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A registered campus system.
 *
 * @param id the app's id, never null
 * @param code a stable name; for OpenID Connect apps the {@code client_id}
 * @param protocol CAS or OIDC
 * @param servicePatterns CAS: regular expressions a service URL must match in full
 * @param redirectUris OIDC: the exact redirect URIs
 * @param backchannelLogoutUri OIDC: where logout tokens go; may be null
 * @param hasSecret whether a client secret is set (never the secret itself)
 */
public record SsoApp(UUID id, String code, String name, String nameEn, String ownerOrgCode, Protocol protocol,
		List<String> servicePatterns, List<String> redirectUris, List<String> postLogoutRedirectUris,
		List<String> grantTypes, List<String> scopes, List<String> releasedAttributes, List<String> allowedAffiliations,
		boolean requiresSecondFactor, boolean requireConsent, String backchannelLogoutUri, boolean enabled,
		boolean hasSecret, Instant createdAt, Instant updatedAt) {

	/** The protocols an app may speak. */
	public enum Protocol {
		CAS, OIDC
	}

	/** @return whether this CAS app accepts the service URL (one pattern matches it in full) */
	public boolean acceptsService(String service) {
		return protocol == Protocol.CAS && enabled && service != null
				&& servicePatterns.stream().anyMatch(p -> Pattern.compile(p).matcher(service).matches());
	}
}
