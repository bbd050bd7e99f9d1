package org.onecampus.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonSignedIn;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Module events go through the JDBC event publication registry: a listener in another module gets
 * {@link PersonSignedIn}, and the publication is stored and marked complete, so an event whose
 * listener failed or was cut off by a restart is delivered again.
 */
@IntegrationTest
@Import(ModuleEventsIntegrationTests.Listener.class)
class ModuleEventsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Listener listener;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignInReachesOtherModulesThroughThePublicationRegistry() {
		new ApiClient(port).signIn("visitor001", IntegrationTest.DEMO_PASSWORD);
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> listener.received().stream().anyMatch(e -> e.username().equals("visitor001")));
		PersonSignedIn event = listener.received().stream().filter(e -> e.username().equals("visitor001")).findFirst().orElseThrow();
		assertThat(event.ip()).isNotBlank();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from event_publication
				where event_type = ? and serialized_event like '%visitor001%' and completion_date is not null""")
			.param(PersonSignedIn.class.getName()).query(Long.class).single() > 0);
	}

	@TestConfiguration
	static class Listener {

		private final List<PersonSignedIn> received = new CopyOnWriteArrayList<>();

		/** Through a method: the bean is a proxy (the listener runs asynchronously). */
		List<PersonSignedIn> received() {
			return received;
		}

		@ApplicationModuleListener
		void on(PersonSignedIn event) {
			received.add(event);
		}
	}
}
