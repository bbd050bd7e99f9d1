package org.onecampus.identity.internal.apps;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.PatternSyntaxException;

import org.onecampus.identity.internal.apps.SsoApp.Protocol;
import org.onecampus.identity.internal.sso.SsoPerson;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Checks an app before it is stored: every problem at once, field by field, nothing half-applied. */
@Component
class AppValidation {

	static final Set<String> GRANT_TYPES = Set.of("authorization_code", "refresh_token", "client_credentials");

	static final Set<String> AFFILIATIONS = Set.of("UNDERGRADUATE", "POSTGRADUATE", "PHD", "FACULTY", "STAFF",
			"CONTRACTOR", "VISITING_SCHOLAR", "SERVICE_STAFF", "VISITOR", "ALUMNUS", "PARENT");

	private static final java.util.regex.Pattern SCOPE = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private final JdbcClient jdbc;

	AppValidation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws PlatformException 422 naming each field that is wrong */
	void check(AppRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		boolean ownerExists = jdbc.sql("select exists (select 1 from identity_org_unit where code = :code)")
			.param("code", request.ownerOrgCode()).query(Boolean.class).single();
		if (!ownerExists) {
			problems.add(new FieldProblem("ownerOrgCode", "sso.app.unknown-org-unit", request.ownerOrgCode()));
		}
		if (request.protocol() == Protocol.CAS) {
			List<String> patterns = AppRequest.orEmpty(request.servicePatterns());
			if (patterns.isEmpty()) {
				problems.add(new FieldProblem("servicePatterns", "sso.app.service-patterns-required"));
			}
			for (int i = 0; i < patterns.size(); i++) {
				try {
					java.util.regex.Pattern.compile(patterns.get(i));
					if (!patterns.get(i).matches("\\^?https?://.+")) {
						problems.add(new FieldProblem("servicePatterns[" + i + "]", "sso.app.service-pattern-scheme"));
					}
				}
				catch (PatternSyntaxException ex) {
					problems.add(new FieldProblem("servicePatterns[" + i + "]", "sso.app.service-pattern-invalid"));
				}
			}
		}
		else {
			List<String> grants = AppRequest.orEmpty(request.grantTypes());
			if (grants.isEmpty() || !GRANT_TYPES.containsAll(grants)) {
				problems.add(new FieldProblem("grantTypes", "sso.app.grant-types-invalid"));
			}
			List<String> redirects = AppRequest.orEmpty(request.redirectUris());
			if (grants.contains("authorization_code") && redirects.isEmpty()) {
				problems.add(new FieldProblem("redirectUris", "sso.app.redirect-uris-required"));
			}
			checkUris("redirectUris", redirects, problems);
			checkUris("postLogoutRedirectUris", AppRequest.orEmpty(request.postLogoutRedirectUris()), problems);
			if (request.backchannelLogoutUri() != null && !request.backchannelLogoutUri().isBlank()) {
				checkUris("backchannelLogoutUri", List.of(request.backchannelLogoutUri().trim()), problems);
			}
			List<String> scopes = AppRequest.orEmpty(request.scopes());
			if (scopes.isEmpty() || !scopes.stream().allMatch(s -> SCOPE.matcher(s).matches())) {
				problems.add(new FieldProblem("scopes", "sso.app.scopes-invalid"));
			}
		}
		if (!SsoPerson.ATTRIBUTES.containsAll(AppRequest.orEmpty(request.releasedAttributes()))) {
			problems.add(new FieldProblem("releasedAttributes", "sso.app.attributes-invalid"));
		}
		if (!AFFILIATIONS.containsAll(AppRequest.orEmpty(request.allowedAffiliations()))) {
			problems.add(new FieldProblem("allowedAffiliations", "sso.app.affiliations-invalid"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	private static void checkUris(String field, List<String> uris, List<FieldProblem> problems) {
		for (int i = 0; i < uris.size(); i++) {
			String name = field.endsWith("Uri") ? field : field + "[" + i + "]";
			try {
				URI uri = new URI(uris.get(i));
				if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
						|| uri.getFragment() != null) {
					problems.add(new FieldProblem(name, "sso.app.uri-invalid"));
				}
			}
			catch (java.net.URISyntaxException ex) {
				problems.add(new FieldProblem(name, "sso.app.uri-invalid"));
			}
		}
	}
}
