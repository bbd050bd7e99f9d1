package org.onecampus.identity.internal.apps;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.onecampus.identity.internal.apps.SsoApp.Protocol;

/**
 * What an administrator sends to register or change an app. Lists may be null (empty).
 */
record AppRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String code,
		@NotBlank @Size(max = 200) String name, @Size(max = 200) String nameEn,
		@NotBlank @Size(max = 64) String ownerOrgCode, @NotNull Protocol protocol, @Size(max = 20) List<String> servicePatterns,
		@Size(max = 20) List<String> redirectUris, @Size(max = 20) List<String> postLogoutRedirectUris,
		@Size(max = 3) List<String> grantTypes, @Size(max = 30) List<String> scopes,
		@Size(max = 10) List<String> releasedAttributes, @Size(max = 20) List<String> allowedAffiliations,
		Boolean requiresSecondFactor, Boolean requireConsent, @Size(max = 1000) String backchannelLogoutUri,
		Boolean enabled) {

	static List<String> orEmpty(List<String> list) {
		return list == null ? List.of() : list.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}
}
