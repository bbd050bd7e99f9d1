package org.onecampus.identity.internal;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start on an empty database creates the university's root unit and one administrator,
 * with the password from {@code ONECAMPUS_ADMIN_PASSWORD}, to be changed at first sign-in; no demo
 * people.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onecampus.data-dir=target/test-data-production", "ONECAMPUS_ADMIN_PASSWORD=Initial#Admin-2026",
				"onecampus.university.name=北方理工大学" })
@ActiveProfiles("test")
class InitialAdministratorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InitialAdministrator initialAdministrator;

	@Test
	void onlyTheAdministratorExistsAndSignsInWithTheConfiguredPassword() {
		assertThat(jdbc.sql("select count(*) from identity_person").query(Long.class).single()).isOne();
		assertThat(jdbc.sql("select must_change_password from identity_account where username = 'admin'")
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select name from identity_org_unit where code = 'U'").query(String.class).single())
			.isEqualTo("北方理工大学");
		var me = new ApiClient(port).signIn("admin", "Initial#Admin-2026").get("/api/v1/me").json();
		assertThat(me.get("permissions").toString()).contains("kernel:audit:read");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.initial-admin-created'")
			.query(Long.class).single()).isOne();
	}

	@Test
	void aLaterStartCreatesNoSecondAdministrator() {
		assertThat(initialAdministrator.createIfNoAccounts()).isFalse();
		assertThat(jdbc.sql("select count(*) from identity_account").query(Long.class).single()).isOne();
	}
}
