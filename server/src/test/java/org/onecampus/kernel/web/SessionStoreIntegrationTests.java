package org.onecampus.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.RequestTransactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The session store reads a signed-in browser's session without a transaction of its own (one round trip less
 * per request) and still writes in one: a request of a signed-in browser runs one session transaction (the save
 * of its last access), not two.
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
}
