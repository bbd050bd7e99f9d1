package org.onecampus.identity.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.web.SessionValueCodec;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The security context of a person signed in here, as the session keeps it, in under a quarter of the bytes of Java
 * serialization and read back without resolving a dozen classes by name (on every request of that person): the
 * account, the person, the username and display name, whether the account is enabled, its permissions, the sign-in's
 * authorities (the permissions and the factors, with when each factor was entered) and the sign-in's address and
 * session id. It encodes exactly the shape a sign-in here makes (a password sign-in, with or without a second factor
 * later), credentials erased; anything else in a session (another kind of sign-in, a value some library keeps there)
 * is Java-serialized as before.
 */
@Component
class SecurityContextSessionCodec implements SessionValueCodec {

	/** The format's version, first in the bytes, for a later change of the format. */
	private static final int VERSION = 1;

	private static final int SIMPLE = 0;

	private static final int FACTOR = 1;

	/** One of the account's permission objects itself (as a sign-in's authorities are), not an equal one. */
	private static final int PERMISSION = 2;

	@Override
	public int tag() {
		return 1;
	}

	@Override
	public boolean encodes(Object value) {
		return value.getClass() == SecurityContextImpl.class
				&& ((SecurityContextImpl) value).getAuthentication() instanceof UsernamePasswordAuthenticationToken token
				&& token.getClass() == UsernamePasswordAuthenticationToken.class && encodes(token);
	}

	private static boolean encodes(UsernamePasswordAuthenticationToken token) {
		return token.isAuthenticated() && token.getCredentials() == null
				&& token.getPrincipal() != null && token.getPrincipal().getClass() == CampusUser.class
				&& encodes((CampusUser) token.getPrincipal())
				&& (token.getDetails() == null || token.getDetails().getClass() == WebAuthenticationDetails.class)
				&& token.getAuthorities().stream().allMatch(SecurityContextSessionCodec::encodes);
	}

	private static boolean encodes(CampusUser user) {
		return user.accountId() != null && user.personId() != null && user.getPassword() == null
				&& user.isAccountNonExpired() && user.isAccountNonLocked()
				&& user.isCredentialsNonExpired()
				&& user.getAuthorities().stream().allMatch(a -> a.getClass() == SimpleGrantedAuthority.class);
	}

	private static boolean encodes(GrantedAuthority authority) {
		return (authority.getClass() == SimpleGrantedAuthority.class || authority.getClass() == FactorGrantedAuthority.class)
				&& authority.getAuthority() != null;
	}

	@Override
	public void encode(Object value, DataOutput out) throws IOException {
		var token = (UsernamePasswordAuthenticationToken) ((SecurityContextImpl) value).getAuthentication();
		var user = (CampusUser) token.getPrincipal();
		out.writeByte(VERSION);
		uuid(out, user.accountId());
		uuid(out, user.personId());
		out.writeUTF(user.getUsername());
		optional(out, user.displayName());
		out.writeBoolean(user.isEnabled());
		out.writeInt(user.getAuthorities().size());
		for (GrantedAuthority permission : user.getAuthorities()) {
			out.writeUTF(permission.getAuthority());
		}
		Set<GrantedAuthority> own = Collections.newSetFromMap(new IdentityHashMap<>());
		own.addAll(user.getAuthorities());
		out.writeInt(token.getAuthorities().size());
		for (GrantedAuthority authority : token.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority factor) {
				out.writeByte(FACTOR);
				out.writeUTF(factor.getAuthority());
				out.writeLong(factor.getIssuedAt().getEpochSecond());
				out.writeInt(factor.getIssuedAt().getNano());
			}
			else {
				out.writeByte(own.contains(authority) ? PERMISSION : SIMPLE);
				out.writeUTF(authority.getAuthority());
			}
		}
		if (token.getDetails() instanceof WebAuthenticationDetails details) {
			out.writeBoolean(true);
			optional(out, details.getRemoteAddress());
			optional(out, details.getSessionId());
		}
		else {
			out.writeBoolean(false);
		}
	}

	@Override
	public Object decode(DataInput in) throws IOException {
		int version = in.readUnsignedByte();
		if (version != VERSION) {
			throw new IOException("unknown security context format " + version);
		}
		UUID accountId = uuid(in);
		UUID personId = uuid(in);
		String username = in.readUTF();
		String displayName = optional(in);
		boolean enabled = in.readBoolean();
		List<String> permissions = new ArrayList<>();
		for (int i = count(in); i > 0; i--) {
			permissions.add(in.readUTF());
		}
		// the constructor wants a password; the stored sign-in had its credentials erased
		CampusUser user = new CampusUser(accountId, personId, username, displayName, "", enabled, permissions);
		user.eraseCredentials();
		Map<String, GrantedAuthority> granted = new HashMap<>();
		user.getAuthorities().forEach(permission -> granted.put(permission.getAuthority(), permission));
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (int i = count(in); i > 0; i--) {
			int kind = in.readUnsignedByte();
			String authority = in.readUTF();
			authorities.add(switch (kind) {
				case SIMPLE -> new SimpleGrantedAuthority(authority);
				case PERMISSION -> Optional.ofNullable(granted.get(authority))
					.orElseThrow(() -> new IOException("not a permission of the account: " + authority));
				case FACTOR -> FactorGrantedAuthority.withAuthority(authority)
					.issuedAt(Instant.ofEpochSecond(in.readLong(), in.readInt()))
					.build();
				default -> throw new IOException("unknown authority kind " + kind);
			});
		}
		var token = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		if (in.readBoolean()) {
			token.setDetails(new WebAuthenticationDetails(optional(in), optional(in)));
		}
		return new SecurityContextImpl(token);
	}

	private static int count(DataInput in) throws IOException {
		int count = in.readInt();
		if (count < 0 || count > 100_000) {
			throw new IOException("implausible count " + count);
		}
		return count;
	}

	private static void uuid(DataOutput out, UUID id) throws IOException {
		out.writeLong(id.getMostSignificantBits());
		out.writeLong(id.getLeastSignificantBits());
	}

	private static UUID uuid(DataInput in) throws IOException {
		return new UUID(in.readLong(), in.readLong());
	}

	private static void optional(DataOutput out, String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static String optional(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}
}
