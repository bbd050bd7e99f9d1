package org.onecampus.identity.internal.passwords;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onecampus.support.ApiClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts imported with hashes from older systems (made by Python's hashlib and OpenBSD's bcrypt). */
@org.onecampus.support.IntegrationTest
class LegacyHashIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	DemoPeople people;

	@BeforeEach
	void setUp() {
		people = new DemoPeople(jdbc);
	}

	@ParameterizedTest(name = "{2}: {0}")
	@CsvSource(delimiter = '|', textBlock = """
			Legacy-Pass-2019 | 517c58bd967869c0868844e421380eca                             | 10 | md5
			Sha1-Legacy#2015 | {SHA-1}5e3a76477747ab344646170686e1f8fcadb70466              | 11 | sha1
			U*U              | $2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW | 12 | bcrypt
			""")
	void aLegacyHashIsAcceptedOnceAndReplacedByArgon2id(String password, String hash, int slice, String scheme) {
		String username = people.undergraduate(slice).username();
		people.storeHash(username, hash);

		new ApiClient(port).signIn(username, password);

		assertThat(people.hash(username)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(people.audited("identity.password-rehashed", "account:" + people.accountId(username))).isEqualTo(1);
		assertThat(jdbc.sql("select details from kernel_audit_event where action = 'identity.password-rehashed' and target = :t")
			.param("t", "account:" + people.accountId(username)).query(String.class).single()).contains(scheme);
		new ApiClient(port).signIn(username, password);
		assertThat(new ApiClient(port).postForm("/login", java.util.Map.of("username", username, "password", password + "!"))
			.status()).isEqualTo(401);
	}
}
