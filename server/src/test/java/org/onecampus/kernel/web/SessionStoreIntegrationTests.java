package org.onecampus.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.RequestTransactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The session store reads a signed-in browser's session without a transaction of its own (one round trip less
 * per request), writes its last access only when the stored one is over a minute old, and then in one
 * transaction. A signed-in person's security context is stored in the identity module's compact
 * form, not Java-serialized, and a session stored Java-serialized (before the upgrade) still counts.
 */
@IntegrationTest
class SessionStoreIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SessionRepository<?> sessions;

	@Autowired
	@Qualifier("springSessionConversionService")
	ConversionService sessionValues;

	@Test
	void aSignedInRequestReadsItsSessionWithoutATransactionAndWritesItsLastAccessOnlyOnceAMinute() {
		String username = DemoPersons.nth(jdbc, 85);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		long signedInAt = lastAccess(username);

		// within a minute of the last stored access: the session is read, and nothing is written
		var seen = RequestTransactions.seen();
		Response me = RequestTransactions.during(transactions, seen, () -> browser.get("/api/v1/me"));
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
		// Spring Session's transactions have no name, the platform's are named after their methods
		assertThat(seen.begun().stream().filter(String::isEmpty)).isEmpty();
		assertThat(lastAccess(username)).isEqualTo(signedInAt);

		// the stored access is over a minute old: the request writes it, in one transaction, with the new expiry
		jdbc.sql("""
				update kernel_session set last_access_time = last_access_time - 61000, expiry_time = expiry_time - 61000
				where principal_name = ?""").param(username).update();
		long before = System.currentTimeMillis();
		seen = RequestTransactions.seen();
		me = RequestTransactions.during(transactions, seen, () -> browser.get("/api/v1/me"));
		assertThat(me.status()).isEqualTo(200);
		assertThat(seen.begun().stream().filter(String::isEmpty)).hasSize(1);
		assertThat(lastAccess(username)).isGreaterThanOrEqualTo(before);
		assertThat(jdbc.sql("select expiry_time - last_access_time from kernel_session where principal_name = ?")
			.param(username).query(Long.class).single()).isEqualTo(8 * 3600 * 1000L);

		// within the minute, a request that changes the session anyway (here an attribute) writes its last access too
		@SuppressWarnings("unchecked")
		SessionRepository<Session> store = (SessionRepository<Session>) sessions;
		String id = jdbc.sql("select session_id from kernel_session where principal_name = ?").param(username)
			.query(String.class).single();
		long written = lastAccess(username);
		Session session = store.findById(id);
		session.setLastAccessedTime(Instant.ofEpochMilli(written + 20_000));
		store.save(session);
		assertThat(lastAccess(username)).isEqualTo(written);
		session = store.findById(id);
		session.setLastAccessedTime(Instant.ofEpochMilli(written + 30_000));
		session.setAttribute("onecampus.test", "changed");
		store.save(session);
		assertThat(store.findById(id).<String>getAttribute("onecampus.test")).isEqualTo("changed");
		assertThat(lastAccess(username)).isEqualTo(written + 30_000);
		// the store is still found by principal (the sessions list, signing out everywhere)
		assertThat(((FindByIndexNameSessionRepository<?>) sessions).findByPrincipalName(username)).isNotEmpty();
	}

	@Test
	void theSecurityContextIsStoredCompactlyAndOneStoredJavaSerializedStillCounts() {
		String username = DemoPersons.nth(jdbc, 91);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
		byte[] stored = storedContext(username);

		assertThat(stored[0]).as("written by a codec, not Java serialization").isEqualTo((byte) 'O');
		Object context = sessionValues.convert(stored, Object.class);
		byte[] serialized = new SerializingConverter().convert(context);
		assertThat(stored.length).isLessThan(serialized.length / 3);

		// a session stored by the version before, with Java serialization
		jdbc.sql("""
				update kernel_session_attributes set attribute_bytes = ?
				where attribute_name = 'SPRING_SECURITY_CONTEXT'
				  and session_primary_id = (select primary_id from kernel_session where principal_name = ?)""")
			.params(serialized, username)
			.update();
		Response me = browser.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
	}

	private long lastAccess(String username) {
		return jdbc.sql("select last_access_time from kernel_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private byte[] storedContext(String username) {
		return jdbc.sql("""
				select a.attribute_bytes from kernel_session_attributes a
				join kernel_session s on s.primary_id = a.session_primary_id
				where s.principal_name = ? and a.attribute_name = 'SPRING_SECURITY_CONTEXT'""")
			.param(username)
			.query(byte[].class)
			.single();
	}
}
