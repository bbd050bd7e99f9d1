package org.onecampus.identity.internal.sso;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.onecampus.identity.CampusUser;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * How the platform's own API reads the bearer access tokens its authorization server issues. The
 * authorities are the token's scopes as {@code SCOPE_x} and nothing more: an app acting for a person
 * gets what the person consented to, not the person's roles. A token issued for a person (it carries
 * {@code account_id}) has that person, as a {@link CampusUser}, as its principal, so endpoints that
 * read the current person work; a system client's token (client credentials) has no person.
 */
@Component
public class BearerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SsoPersons persons;

	BearerTokens(SsoPersons persons) {
		this.persons = persons;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<GrantedAuthority> authorities = scopes(jwt).stream()
			.<GrantedAuthority>map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
			.toList();
		String account = jwt.getClaimAsString("account_id");
		if (account == null) {
			return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
		}
		SsoPerson person = persons.byUsername(jwt.getSubject())
			.filter(p -> p.accountId().equals(UUID.fromString(account)))
			.orElseThrow(() -> new InvalidBearerTokenException("The token's account is no longer enabled"));
		CampusUser user = new CampusUser(person.accountId(), person.personId(), person.username(), person.name(), "",
				true, authorities.stream().map(GrantedAuthority::getAuthority).toList());
		return UsernamePasswordAuthenticationToken.authenticated(user, jwt, authorities);
	}

	/** @return whether the request carries a bearer token (such requests need no CSRF token) */
	public static boolean present(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
	}

	private static Collection<String> scopes(Jwt jwt) {
		List<String> scopes = jwt.getClaimAsStringList("scope");
		return scopes == null ? List.of() : scopes;
	}
}
