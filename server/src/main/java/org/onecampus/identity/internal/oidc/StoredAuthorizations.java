package org.onecampus.identity.internal.oidc;

import java.security.Principal;
import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Stores authorizations with the person reduced to a username and plain authorities (the factor
 * authorities stay: they carry when the person signed in, the ID token's {@code auth_time}). The signed-in
 * principal ({@code CampusUser}, web details) is not a type the JDBC service may deserialize, and the
 * claims are read fresh from identity by username anyway.
 */
final class StoredAuthorizations implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	StoredAuthorizations(OAuth2AuthorizationService delegate) {
		this.delegate = delegate;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		Object principal = authorization.getAttribute(Principal.class.getName());
		if (principal instanceof Authentication user && !(user.getPrincipal() instanceof String)) {
			List<GrantedAuthority> authorities = user.getAuthorities().stream()
				.<GrantedAuthority>map(a -> a instanceof FactorGrantedAuthority ? a : new SimpleGrantedAuthority(a.getAuthority()))
				.toList();
			authorization = OAuth2Authorization.from(authorization)
				.attribute(Principal.class.getName(),
						UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, authorities))
				.build();
		}
		delegate.save(authorization);
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return delegate.findByToken(token, tokenType);
	}
}
