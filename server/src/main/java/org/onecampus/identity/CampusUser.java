package org.onecampus.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in person as the security context holds it: the account, the person it belongs to and
 * the permissions granted at sign-in. Other modules read the current person from here.
 */
public final class CampusUser extends User {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final UUID personId;

	private final String displayName;

	public CampusUser(UUID accountId, UUID personId, String username, String displayName, String passwordHash,
			boolean enabled, Collection<String> permissions) {
		super(username, passwordHash, enabled, true, true, true, authorities(permissions));
		this.accountId = accountId;
		this.personId = personId;
		this.displayName = displayName;
	}

	private static Set<GrantedAuthority> authorities(Collection<String> permissions) {
		return permissions.stream().map(SimpleGrantedAuthority::new).collect(java.util.stream.Collectors.toSet());
	}

	public UUID accountId() {
		return accountId;
	}

	public UUID personId() {
		return personId;
	}

	public String displayName() {
		return displayName;
	}

	public boolean hasPermission(String permission) {
		return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(permission));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CampusUser user && super.equals(user) && accountId.equals(user.accountId);
	}

	@Override
	public int hashCode() {
		return accountId.hashCode();
	}
}
