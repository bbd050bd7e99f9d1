package org.onecampus.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.DemoPersons;
import org.onecampus.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

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

		List<String> sessionTransactions = new CopyOnWriteArrayList<>();
		TransactionExecutionListener listener = new TransactionExecutionListener() {
			@Override
			public void afterBegin(TransactionExecution transaction, Throwable failure) {
				// the request's own; Spring Session's transactions have no name, the platform's are named after methods
				String name = transaction.getTransactionName();
				if (Thread.currentThread().getName().contains("-exec-") && (name == null || name.isEmpty())) {
					sessionTransactions.add(name == null ? "" : name);
				}
			}
		};
		ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
		var original = manager.getTransactionExecutionListeners();
		var listening = new CopyOnWriteArrayList<>(original);
		listening.add(listener);
		manager.setTransactionExecutionListeners(listening);
		Response me;
		try {
			me = browser.get("/api/v1/me");
		}
		finally {
			manager.setTransactionExecutionListeners(original);
		}

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
		assertThat(sessionTransactions).hasSize(1);
		// the store is still found by principal (the sessions list, signing out everywhere)
		assertThat(((FindByIndexNameSessionRepository<?>) sessions).findByPrincipalName(username)).isNotEmpty();
	}
}
