package org.onecampus.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.CampusUser;
import org.onecampus.identity.internal.mfa.AuthenticationLevels;
import org.onecampus.kernel.web.SessionValues;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signed-in person's security context through the session store's conversion ({@link SessionValues} with this
 * codec): what comes back is the same object graph as what went in, judged by its Java serialization byte for byte;
 * what the codec does not know is Java-serialized as before; contexts stored Java-serialized are read; bytes it
 * cannot read give no context (the person signs in again), not an error.
 */
class SecurityContextSessionCodecTests {

	private final ConversionService values = SessionValues.conversionService(List.of(new SecurityContextSessionCodec()),
			getClass().getClassLoader());

	private final SerializingConverter java = new SerializingConverter();

	@Test
	void aPasswordSignInComesBackAsTheSameGraphInAFractionOfTheBytes() {
		SecurityContextImpl context = signedIn("张三 Zhang San", new WebAuthenticationDetails("10.20.30.40", "f0e1d2c3"));
		byte[] stored = write(context);

		assertThat(stored[0]).isEqualTo((byte) 'O');
		assertThat(stored[1]).isEqualTo((byte) 1);
		Object read = values.convert(stored, Object.class);
		assertThat(read).isInstanceOf(SecurityContextImpl.class).isEqualTo(context);
		assertSameGraph(read, context);
		assertThat(stored.length).isLessThan(java.convert(context).length / 4);
		CampusUser user = (CampusUser) ((SecurityContextImpl) read).getAuthentication().getPrincipal();
		assertThat(user.displayName()).isEqualTo("张三 Zhang San");
		assertThat(user.hasPermission("identity:me:read")).isTrue();
		assertThat(user.getPassword()).isNull();
	}

	@Test
	void aSecondFactorKeepsWhenEachFactorWasEntered() throws Exception {
		SecurityContextImpl password = signedIn("李四", new WebAuthenticationDetails("2001:db8::1", null));
		Thread.sleep(2);
		var both = new SecurityContextImpl(AuthenticationLevels.withSecondFactor(password.getAuthentication()));

		Object read = values.convert(write(both), Object.class);
		assertSameGraph(read, both);
		Authentication authentication = ((SecurityContextImpl) read).getAuthentication();
		assertThat(AuthenticationLevels.hasSecondFactor(authentication)).isTrue();
		List<FactorGrantedAuthority> factors = authentication.getAuthorities().stream()
			.filter(FactorGrantedAuthority.class::isInstance).map(FactorGrantedAuthority.class::cast).toList();
		assertThat(factors).extracting(FactorGrantedAuthority::getIssuedAt)
			.containsExactlyElementsOf(both.getAuthentication().getAuthorities().stream()
				.filter(FactorGrantedAuthority.class::isInstance)
				.map(a -> ((FactorGrantedAuthority) a).getIssuedAt()).toList());
	}

	@Test
	void withoutDisplayNameOrDetailsTheGraphIsStillTheSame() {
		SecurityContextImpl context = signedIn(null, null);
		Object read = values.convert(write(context), Object.class);
		assertSameGraph(read, context);
	}

	@Test
	void whatTheCodecDoesNotKnowIsJavaSerializedAndReadBack() {
		SecurityContextImpl withPassword = signedIn("王五", null);
		CampusUser user = (CampusUser) withPassword.getAuthentication().getPrincipal();
		var notErased = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
				new CampusUser(user.accountId(), user.personId(), user.getUsername(), "王五", "{argon2}hash", true,
						List.of("identity:me:read")),
				null, user.getAuthorities()));
		var otherKind = new SecurityContextImpl(new TestingAuthenticationToken("someone", null, "ROLE_X"));
		for (Object value : List.of(notErased, otherKind, "a plain string", new ArrayList<>(List.of(1, 2)))) {
			byte[] stored = write(value);
			assertThat(new byte[] { stored[0], stored[1] }).as("Java serialization's magic").containsExactly(0xAC, 0xED);
			assertSameGraph(values.convert(stored, Object.class), value);
		}
	}

	@Test
	void aContextStoredJavaSerializedBeforeTheCodecIsRead() {
		SecurityContextImpl context = signedIn("赵六", new WebAuthenticationDetails("127.0.0.1", "abc"));
		Object read = values.convert(java.convert(context), Object.class);
		assertSameGraph(read, context);
	}

	@Test
	void bytesTheCodecCannotReadGiveNoValue() {
		byte[] stored = write(signedIn("孙七", null));

		byte[] unknownCodec = stored.clone();
		unknownCodec[1] = 99;
		byte[] unknownVersion = stored.clone();
		unknownVersion[2] = 7;
		byte[] truncated = Arrays.copyOf(stored, stored.length - 3);
		byte[] trailing = Arrays.copyOf(stored, stored.length + 1);
		for (byte[] bad : List.of(unknownCodec, unknownVersion, truncated, trailing, new byte[] { 'O' })) {
			assertThat(values.convert(bad, Object.class)).isNull();
		}
	}

	/** The same classes, fields, values and sharing of objects: the same bytes when Java-serialized. */
	private void assertSameGraph(Object actual, Object expected) {
		byte[] a = java.convert(actual);
		byte[] e = java.convert(expected);
		int differ = Arrays.mismatch(a, e);
		assertThat(differ).as("first differing byte of %s bytes: %s", e.length,
				differ < 0 ? "" : new String(e, Math.max(0, differ - 40), Math.min(80, e.length - Math.max(0, differ - 40)),
						StandardCharsets.ISO_8859_1))
			.isEqualTo(-1);
	}

	private byte[] write(Object value) {
		return values.convert(value, byte[].class);
	}

	/** A context as a password sign-in here leaves it: the account's permissions, the password factor, erased. */
	private static SecurityContextImpl signedIn(String displayName, WebAuthenticationDetails details) {
		CampusUser user = new CampusUser(UUID.randomUUID(), UUID.randomUUID(), "2024" + (int) (Math.random() * 1e6),
				displayName, "{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", true,
				List.of("identity:me:read", "hall:todo:read", "workflow:task:read", "hall:application:create"));
		List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
		var token = UsernamePasswordAuthenticationToken.authenticated(user, "the password", authorities);
		token.setDetails(details);
		token.eraseCredentials();
		return new SecurityContextImpl(token);
	}
}
