package org.onecampus.identity.internal.sso;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.onecampus.kernel.crypto.DataKeys;
import org.onecampus.kernel.crypto.FieldCipher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign ID tokens and access tokens. They live in {@code identity_sso_signing_key}
 * with the private key encrypted by the platform data key, so every node signs with the same key and a
 * restart keeps them. The JWKS publishes the current key and the previous one, so tokens signed just
 * before a rotation still verify; tokens are signed with the current key only ({@link #current()}).
 * Keys are read through a short cache so that a rotation on another node is picked up within seconds.
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext> {

	private static final Duration CACHE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile Cached cached;

	SigningKeys(JdbcClient jdbc, DataKeys keys, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = new FieldCipher(keys, "identity.sso.signing-key");
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private record Cached(RSAKey current, List<JWK> published, Instant loadedAt) {
	}

	/** The current and the previous key (public halves in the JWKS; the encoder uses {@link #current()}). */
	@Override
	public List<JWK> get(JWKSelector selector, SecurityContext context) {
		return selector.select(new JWKSet(keys().published()));
	}

	/** @return the one key new tokens are signed with, never null */
	public RSAKey current() {
		return keys().current();
	}

	/** @return when the current key was created */
	public Instant currentCreatedAt() {
		return jdbc.sql("select created_at from identity_sso_signing_key where status = 'CURRENT'")
			.query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(clock.instant());
	}

	/**
	 * Makes a new current key; the old current becomes previous (still published), the old previous is
	 * retired and its private key erased.
	 * @return the new key id
	 */
	public String rotate() {
		String kid = transactions.execute(status -> {
			jdbc.sql("lock table identity_sso_signing_key in exclusive mode").update();
			jdbc.sql("update identity_sso_signing_key set status = 'RETIRED', private_key_cipher = '', retired_at = now() where status = 'PREVIOUS'").update();
			jdbc.sql("update identity_sso_signing_key set status = 'PREVIOUS' where status = 'CURRENT'").update();
			return insertNew();
		});
		cached = null;
		return kid;
	}

	private Cached keys() {
		Cached now = cached;
		if (now == null || now.loadedAt().plus(CACHE).isBefore(clock.instant())) {
			now = load();
			cached = now;
		}
		return now;
	}

	private Cached load() {
		List<Row> rows = rows();
		if (rows.stream().noneMatch(r -> r.status().equals("CURRENT"))) {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("lock table identity_sso_signing_key in exclusive mode").update();
				if (jdbc.sql("select count(*) from identity_sso_signing_key where status = 'CURRENT'").query(Long.class).single() == 0) {
					insertNew();
				}
			});
			rows = rows();
		}
		RSAKey current = null;
		List<JWK> published = new ArrayList<>();
		for (Row row : rows) {
			try {
				RSAKey key = RSAKey.parse(cipher.decrypt(row.privateKeyCipher()));
				published.add(key);
				if (row.status().equals("CURRENT")) {
					current = key;
				}
			}
			catch (ParseException ex) {
				throw new IllegalStateException("A stored signing key cannot be read", ex);
			}
		}
		return new Cached(current, List.copyOf(published), clock.instant());
	}

	private record Row(String kid, String privateKeyCipher, String status) {
	}

	private List<Row> rows() {
		return jdbc.sql("""
				select kid, private_key_cipher, status from identity_sso_signing_key
				where status in ('CURRENT', 'PREVIOUS') order by created_at desc""")
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	private String insertNew() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
				.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).generate();
			jdbc.sql("""
					insert into identity_sso_signing_key (kid, private_key_cipher, public_jwk, status)
					values (:kid, :cipher, :public, 'CURRENT')""")
				.param("kid", key.getKeyID())
				.param("cipher", cipher.encrypt(key.toJSONString()))
				.param("public", key.toPublicJWK().toJSONString())
				.update();
			return key.getKeyID();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
