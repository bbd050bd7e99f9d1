package org.onecampus.identity.internal.org;

import org.onecampus.identity.AdminScopes;
import org.onecampus.identity.CampusUser;

import org.springframework.stereotype.Component;

/** {@link AdminScopes} for other modules, from {@link AdminScope}. */
@Component
class PublicAdminScopes implements AdminScopes {

	private final AdminScope scopes;

	PublicAdminScopes(AdminScope scopes) {
		this.scopes = scopes;
	}

	@Override
	public Administered of(CampusUser user, String permission) {
		AdminScope.Scope scope = scopes.of(user, permission);
		return new Administered(scope.whole(), scope.units());
	}
}
