package org.onecampus.messaging.internal.identity;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.messaging.MessagingFixtures.eventually;
import static org.onecampus.support.IntegrationTest.DEMO_PASSWORD;

/**
 * A sign-in from a browser without the device cookie for the login puts a security notice in the
 * person's inbox; signing in again from the same browser does not.
 */
@IntegrationTest
class NewDeviceNoticeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** A demo person none of the other tests signs in as. */
	String somePerson() {
		return jdbc.sql("""
				select a.username from identity_account a
				where a.enabled and a.username !~ '^[a-z]+[0-9]{3}$' and a.username <> 'admin'
				order by a.username offset :skip limit 1""")
			.param("skip", ThreadLocalRandom.current().nextInt(300, 600))
			.query(String.class).single();
	}

	long notices(ApiClient client) {
		var items = client.get("/api/v1/messaging/inbox?size=50").json().get("items");
		long count = 0;
		for (var item : items) {
			if ("security".equals(item.get("category").asString())) {
				count++;
			}
		}
		return count;
	}

	@Test
	void theFirstSignInFromADeviceGetsASecurityNoticeAndTheSecondDoesNot() {
		String username = somePerson();
		ApiClient browser = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		eventually(Duration.ofSeconds(15), "the new-device notice arrives", () -> notices(browser) == 1);
		String body = browser.get("/api/v1/messaging/inbox?size=50").body();
		assertThat(body).containsAnyOf("新设备登录提醒", "Sign-in from a new device");

		browser.signIn(username, DEMO_PASSWORD);
		// A sign-in from another browser is a new device again; once its notice is in, the earlier
		// sign-in from the known browser has been handled too and added nothing.
		ApiClient other = new ApiClient(port).signIn(username, DEMO_PASSWORD);
		eventually(Duration.ofSeconds(15), "the second browser's notice arrives", () -> notices(other) >= 2);
		assertThat(notices(other)).isEqualTo(2);
		// The listener takes only new-device sign-ins, so the known browser's sign-in stored no event
		// publication at all (one insert and two updates fewer for most sign-ins); the two new ones did.
		assertThat(publications(username, false)).isZero();
		assertThat(publications(username, true)).isEqualTo(2);
	}

	long publications(String username, boolean newDevice) {
		return jdbc.sql("""
				select count(*) from event_publication
				where event_type = 'org.onecampus.identity.PersonSignedIn' and serialized_event like ?
				  and serialized_event like ?""")
			.param("%\"" + username + "\"%").param("%\"newDevice\":" + newDevice + "%").query(Long.class).single();
	}
}
