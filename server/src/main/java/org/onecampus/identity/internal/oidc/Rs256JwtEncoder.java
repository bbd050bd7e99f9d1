package org.onecampus.identity.internal.oidc;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.util.CollectionUtils;
import org.springframework.util.StringUtils;

/**
 * Signs the tokens the authorization server issues (header {@code alg: RS256} only, the current signing
 * key) with the JDK directly: the same JSON as {@code NimbusJwtEncoder} (Nimbus's claims set, claims
 * converted as it converts them), the same {@code kid} header and the same deterministic RSASSA-PKCS1-v1_5
 * signature, so the token is byte for byte what Nimbus would produce. What it saves is Nimbus's
 * constant-time Base64 codec, which it uses for every part of every token (the signature, the payload
 * and the header) although none of them is secret: about 7 % of a client-credentials token's CPU.
 * Anything else (another algorithm, other header fields, a key with a certificate) goes to the
 * Nimbus encoder unchanged.
 */
final class Rs256JwtEncoder implements JwtEncoder {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final Supplier<RSAKey> currentKey;

	private final JwtEncoder fallback;

	private volatile Signer signer;

	/**
	 * @param currentKey the key to sign with, asked for every token (it is cached where it comes from)
	 * @param fallback the encoder for whatever this one does not handle, signing with the same key
	 */
	Rs256JwtEncoder(Supplier<RSAKey> currentKey, JwtEncoder fallback) {
		this.currentKey = currentKey;
		this.fallback = fallback;
	}

	@Override
	public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
		JwsHeader header = parameters.getJwsHeader();
		RSAKey key = currentKey.get();
		if (header == null || header.getHeaders().size() != 1 || header.getAlgorithm() != SignatureAlgorithm.RS256
				|| !StringUtils.hasText(key.getKeyID()) || key.getX509CertSHA256Thumbprint() != null) {
			return fallback.encode(parameters);
		}
		Signer current = signerFor(key);
		JwtClaimsSet claims = parameters.getClaims();
		byte[] payload = convert(claims).toString().getBytes(StandardCharsets.UTF_8);
		String signingInput = current.encodedHeader() + "." + BASE64URL.encodeToString(payload);
		String token = signingInput + "." + BASE64URL.encodeToString(current.sign(signingInput));
		return Jwt.withTokenValue(token)
			.headers(headers -> headers.putAll(current.header().getHeaders()))
			.claims(values -> values.putAll(claims.getClaims()))
			.build();
	}

	private Signer signerFor(RSAKey key) {
		Signer current = signer;
		if (current == null || current.key() != key) { // the key source caches the key object
			try {
				JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
				String json = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build().toString();
				current = new Signer(key, key.toPrivateKey(), header,
						BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8)));
			}
			catch (JOSEException ex) {
				throw new JwtEncodingException("The signing key has no usable private key", ex);
			}
			signer = current;
		}
		return current;
	}

	/** The claims as {@code NimbusJwtEncoder} converts them (registered claims typed, the others as they are). */
	static JWTClaimsSet convert(JwtClaimsSet claims) {
		JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
		Object issuer = claims.getClaim("iss");
		if (issuer != null) {
			builder.issuer(issuer.toString());
		}
		if (StringUtils.hasText(claims.getSubject())) {
			builder.subject(claims.getSubject());
		}
		if (!CollectionUtils.isEmpty(claims.getAudience())) {
			builder.audience(claims.getAudience());
		}
		if (claims.getExpiresAt() != null) {
			builder.expirationTime(java.util.Date.from(claims.getExpiresAt()));
		}
		if (claims.getNotBefore() != null) {
			builder.notBeforeTime(java.util.Date.from(claims.getNotBefore()));
		}
		if (claims.getIssuedAt() != null) {
			builder.issueTime(java.util.Date.from(claims.getIssuedAt()));
		}
		if (StringUtils.hasText(claims.getId())) {
			builder.jwtID(claims.getId());
		}
		Map<String, Object> custom = new HashMap<>();
		claims.getClaims().forEach((name, value) -> {
			if (!JWTClaimsSet.getRegisteredNames().contains(name)) {
				custom.put(name, value);
			}
		});
		custom.forEach(builder::claim);
		return builder.build();
	}

	/** One key's header and private key; a {@link Signature} per token (they are not thread-safe, and cheap to get). */
	private record Signer(RSAKey key, PrivateKey privateKey, JwsHeader header, String encodedHeader) {

		byte[] sign(String signingInput) {
			try {
				Signature signature = Signature.getInstance("SHA256withRSA");
				signature.initSign(privateKey);
				signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
				return signature.sign();
			}
			catch (GeneralSecurityException ex) {
				throw new JwtEncodingException("Could not sign the token", ex);
			}
		}
	}
}
