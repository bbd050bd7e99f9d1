package org.onecampus.identity.internal.oidc;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK-signed tokens are byte for byte the Nimbus encoder's, for the claims the authorization server puts in. */
class Rs256JwtEncoderTests {

	final AtomicReference<RSAKey> key = new AtomicReference<>(generate("key-1"));

	final NimbusJwtEncoder nimbus = new NimbusJwtEncoder((selector, context) -> selector.select(new JWKSet(key.get())));

	final Rs256JwtEncoder encoder = new Rs256JwtEncoder(key::get, nimbus);

	@Test
	void anAccessTokenIsTheSameBytesAsNimbusAndVerifies() throws Exception {
		JwtEncoderParameters parameters = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims());

		Jwt ours = encoder.encode(parameters);
		Jwt theirs = nimbus.encode(parameters);

		assertThat(ours.getTokenValue()).isEqualTo(theirs.getTokenValue());
		assertThat(ours.getHeaders()).isEqualTo(theirs.getHeaders()).containsEntry("kid", "key-1");
		assertThat(ours.getClaims()).isEqualTo(theirs.getClaims());
		Jwt decoded = NimbusJwtDecoder.withPublicKey(key.get().toRSAPublicKey()).build().decode(ours.getTokenValue());
		assertThat(decoded.getSubject()).isEqualTo("demo-system");
		assertThat(decoded.getClaimAsStringList("amr")).containsExactly("pwd", "otp");
	}

	@Test
	void aNewKeyIsUsedAsSoonAsTheSourceHandsItOut() {
		JwtEncoderParameters parameters = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims());
		encoder.encode(parameters);
		key.set(generate("key-2"));

		Jwt ours = encoder.encode(parameters);

		assertThat(ours.getTokenValue()).isEqualTo(nimbus.encode(parameters).getTokenValue());
		assertThat(ours.getHeaders()).containsEntry("kid", "key-2");
	}

	@Test
	void otherAlgorithmsAndHeadersGoToNimbus() {
		JwtEncoderParameters rs512 = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS512).build(), claims());
		JwtEncoderParameters typed = JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(), claims());

		assertThat(encoder.encode(rs512).getTokenValue()).isEqualTo(nimbus.encode(rs512).getTokenValue());
		assertThat(encoder.encode(typed).getTokenValue()).isEqualTo(nimbus.encode(typed).getTokenValue());
		assertThat(encoder.encode(typed).getHeaders()).containsEntry("typ", "at+jwt");
	}

	private static JwtClaimsSet claims() {
		Instant now = Instant.now().plusNanos(123_456_789); // sub-second parts are cut the same way
		return JwtClaimsSet.builder()
			.issuer("http://127.0.0.1:18080")
			.subject("demo-system")
			.audience(List.of("demo-system"))
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plusSeconds(600))
			.id("59f43c26-19ab-46e1-80d6-27afa6f2f211")
			.claim("scope", new LinkedHashSet<>(List.of("messaging.send", "profile")))
			.claim("account_id", "0d6c1c54-52d2-4d6e-9a53-8f0f3c1c9a11")
			.claim("amr", List.of("pwd", "otp"))
			.claim("acr", "2")
			.claim("auth_time", java.util.Date.from(now))
			.claim("name", "张三")
			.claim("affiliations", List.of(Map.of("type", "STUDENT", "org", "计算机学院")))
			.build();
	}

	private static RSAKey generate(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
