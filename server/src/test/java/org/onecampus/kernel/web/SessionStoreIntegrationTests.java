package org.onecampus.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The session store reads a signed-in browser's session without a transaction of its own (one round trip less
 * per request) and still writes in one: a request of a signed-in browser runs one session transaction (the save
 * of its last access), not two. A signed-in person's security context is stored in the identity module's compact
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
	void aSignedInRequestReadsItsSessionWithoutATransactionAndSavesItInOne() {
		String username = DemoPersons.nth(jdbc, 85);
		ApiClient browser = new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);

		var seen = RequestTransactions.seen();
		Response me = RequestTransactions.during(transactions, seen, () -> browser.get("/api/v1/me"));

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
		// Spring Session's transactions have no name, the platform's are named after their methods
		assertThat(seen.begun().stream().filter(String::isEmpty)).hasSize(1);
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
