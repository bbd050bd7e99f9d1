package org.onecampus.identity.internal;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;

import org.onecampus.kernel.OneCampusProperties;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a production start with no accounts at all, creates the university's root unit and one
 * platform administrator {@code admin}. The password comes from {@code ONECAMPUS_ADMIN_PASSWORD}, or
 * is generated and printed once; either way it must be changed at first sign-in.
 */
@Component
class InitialAdministrator {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final OneCampusProperties properties;

	private final Environment environment;

	private final AuditLog audit;

	InitialAdministrator(JdbcClient jdbc, PasswordEncoder passwords, OneCampusProperties properties,
			Environment environment, AuditLog audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.properties = properties;
		this.environment = environment;
		this.audit = audit;
	}

	/** @return whether an administrator was created (false when accounts already exist) */
	@Transactional
	boolean createIfNoAccounts() {
		if (jdbc.sql("select exists (select 1 from identity_account)").query(Boolean.class).single()) {
			return false;
		}
		UUID root = jdbc.sql("select id from identity_org_unit where code = 'U'").query(UUID.class).optional().orElseGet(() -> {
			UUID id = UUID.randomUUID();
			jdbc.sql("insert into identity_org_unit (id, code, name, name_en, type, valid_from) values (?, 'U', ?, ?, 'UNIVERSITY', ?)")
				.params(id, properties.university().name(), properties.university().nameEn(), LocalDate.now())
				.update();
			return id;
		});
		UUID person = UUID.randomUUID();
		jdbc.sql("insert into identity_person (id, name, name_en) values (?, '系统管理员', 'Administrator')").params(person).update();
		jdbc.sql("insert into identity_affiliation (id, person_id, type, org_unit_id, status, start_date, is_primary) values (?, ?, 'STAFF', ?, 'ACTIVE', ?, true)")
			.params(UUID.randomUUID(), person, root, LocalDate.now())
			.update();
		String configured = environment.getProperty("ONECAMPUS_ADMIN_PASSWORD");
		String password = configured != null && !configured.isBlank() ? configured : generated();
		UUID account = UUID.randomUUID();
		jdbc.sql("insert into identity_account (id, person_id, username, password_hash, must_change_password) values (?, ?, 'admin', ?, true)")
			.params(account, person, passwords.encode(password))
			.update();
		jdbc.sql("insert into identity_account_role (account_id, role_code) values (?, 'PLATFORM_ADMIN'), (?, 'MEMBER')")
			.params(account, account)
			.update();
		audit.record(new AuditEntry("system", "identity.initial-admin-created", "account:" + account, null, null));
		if (configured == null || configured.isBlank()) {
			log.warn("Created the initial administrator 'admin' with the one-time password: {}  (shown once; change it at first sign-in)", password);
		}
		else {
			log.info("Created the initial administrator 'admin' with the password from ONECAMPUS_ADMIN_PASSWORD");
		}
		return true;
	}

	private static String generated() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
