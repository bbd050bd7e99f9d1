package org.onecampus.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Picks generated demo people for tests that sign in as someone and change that person's state (second
 * factor, throttles, sessions). Only demo people are candidates (their usernames are their 学号/工号, all
 * digits), enabled and without a forced password change, so accounts that other tests create (self-registered
 * guests with random names, imports, department administrators) cannot shift the choice from run to run.
 * The first {@value #SKIPPED} of them are left to the tests that pick a person at random among the first few
 * hundred (StepUpIntegrationTests, PasswordResetIntegrationTests, NewDeviceNoticeIntegrationTests), and the
 * demo profile flags weak passwords only from 40 % of the roster on ({@code DemoWeakPasswords}). Each test class
 * takes its own slice of {@code n} so that no two classes share a person:
 * <ul>
 * <li>20–29 SignInProtectionIntegrationTests</li>
 * <li>30–39 AccountSessionsIntegrationTests</li>
 * <li>40–49 SecondFactorIntegrationTests</li>
 * <li>50–59 WorkflowNoticesIntegrationTests (prefer English for a moment)</li>
 * <li>60–69 AccountSecurityBrowserIntegrationTests</li>
 * <li>70–79 PersonSecurityIntegrationTests</li>
 * <li>80–89 SignInRecordsIntegrationTests</li>
 * <li>90–99 ReturnNoticesIntegrationTests (prefers English for a moment)</li>
 * </ul>
 */
public final class DemoPersons {

	static final int SKIPPED = 1000;

	private DemoPersons() {
	}

	/** @return the username of the {@code n}-th demo person by username after the first {@value #SKIPPED} */
	public static String nth(JdbcClient jdbc, int n) {
		return jdbc.sql("""
				select username from identity_account
				where username ~ '^[0-9]+$' and enabled and not must_change_password
				order by username offset :n limit 1""")
			.param("n", SKIPPED + n).query(String.class).single();
	}
}
