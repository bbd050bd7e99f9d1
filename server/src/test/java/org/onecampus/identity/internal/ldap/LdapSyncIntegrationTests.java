package org.onecampus.identity.internal.ldap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.support.ApiClient;
import org.onecampus.support.IntegrationTest;
import org.onecampus.support.ProblemAssertions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Syncs from UnboundID's in-memory directory server, seeded here like a university's directory. */
@IntegrationTest
class LdapSyncIntegrationTests {

	private static final String BASE = "ou=people,dc=example,dc=edu";

	@LocalServerPort
	int port;

	@Autowired
	LdapSync sync;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	InMemoryDirectoryServer directory;

	String prefix;

	@BeforeEach
	void startDirectory() throws Exception {
		InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=edu");
		config.addAdditionalBindCredentials("cn=sync,dc=example,dc=edu", "sync-secret");
		config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
		directory = new InMemoryDirectoryServer(config);
		directory.add("dn: dc=example,dc=edu", "objectClass: top", "objectClass: domain", "dc: example");
		directory.add("dn: " + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
		directory.startListening();
		prefix = "LDAP" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
	}

	@AfterEach
	void stopDirectory() {
		directory.shutDown(true);
	}

	@Test
	void entriesCreatePeopleChangedEntriesUpdateThemAndRemovedEntriesEndTheirAffiliation() throws Exception {
		person("zhao", "赵老师", prefix + "1", "ITC");
		person("qian", "钱老师", prefix + "2", null);

		LdapSync.Report first = sync.run(settings("sync-secret"));

		assertThat(first.created()).isEqualTo(2);
		assertThat(first.problems()).isEmpty();
		assertThat(orgUnitCode(prefix + "1")).isEqualTo("ITC");
		assertThat(orgUnitCode(prefix + "2")).isEqualTo("CS");
		assertThat(status(prefix + "1")).isEqualTo("ACTIVE");

		directory.modify("uid=zhao," + BASE, new Modification(ModificationType.REPLACE, "cn", "赵教授"));
		directory.delete("uid=qian," + BASE);
		LdapSync.Report second = sync.run(settings("sync-secret"));

		assertThat(second.created()).isZero();
		assertThat(second.updated()).isEqualTo(1);
		assertThat(second.ended()).isEqualTo(1);
		assertThat(name(prefix + "1")).isEqualTo("赵教授");
		assertThat(status(prefix + "2")).isEqualTo("LEFT");
		assertThat(jdbc.sql("select count(*) from kernel_audit_event where action = 'identity.directory.synced'")
			.query(Integer.class).single()).isPositive();
	}

	@Test
	void anEntryWithAnUnknownOrgUnitIsReportedWithoutStoppingTheOthers() throws Exception {
		person("sun", "孙老师", prefix + "1", "NO-SUCH-UNIT");
		person("li", "李老师", prefix + "2", "ITC");

		LdapSync.Report report = sync.run(settings("sync-secret"));

		assertThat(report.created()).isEqualTo(1);
		assertThat(report.problems()).containsExactly("uid=sun," + BASE + ": identity.import.org-unit");
	}

	@Test
	void aWrongBindPasswordChangesNothingAndIsReportedAsTheDirectoryBeingUnavailable() throws Exception {
		person("zhou", "周老师", prefix + "1", "ITC");

		assertThatThrownBy(() -> sync.run(settings("wrong")))
			.isInstanceOfSatisfying(PlatformException.class, ex -> assertThat(ex.errorCode()).isEqualTo("identity.ldap.unavailable"));
		assertThat(jdbc.sql("select count(*) from identity_affiliation where identifier = :i").param("i", prefix + "1")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void whileAnotherNodeSyncsThisOneDoesNot() throws Exception {
		person("wu", "吴老师", prefix + "1", "ITC");
		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, LdapSync.LOCK);
				lock.execute();
			}
			assertThatThrownBy(() -> sync.run(settings("sync-secret")))
				.isInstanceOfSatisfying(PlatformException.class, ex -> assertThat(ex.errorCode()).isEqualTo("identity.ldap.busy"));
			other.rollback();
		}
	}

	@Test
	void theManualSyncNeedsThePermissionAndAConfiguredDirectory() {
		ApiClient member = new ApiClient(port).signIn("stu001", IntegrationTest.DEMO_PASSWORD);
		ApiClient admin = new ApiClient(port).signIn("admin", IntegrationTest.DEMO_PASSWORD);

		assertThat(member.postJson("/api/v1/identity/ldap-syncs", "{}").status()).isEqualTo(403);
		ProblemAssertions.assertProblem(admin.postJson("/api/v1/identity/ldap-syncs", "{}"), 409, "identity.ldap.disabled");
	}

	private LdapProperties settings(String password) {
		return new LdapProperties("ldap://localhost:" + directory.getListenPort(), BASE, "cn=sync,dc=example,dc=edu",
				password, "(&(objectClass=inetOrgPerson)(employeeNumber=" + prefix + "*))",
				new LdapProperties.Attributes("employeeNumber", "cn", "displayName", "mail", "mobile", "departmentNumber"),
				"STAFF", "CS", "-");
	}

	private void person(String uid, String cn, String employeeNumber, String department) throws Exception {
		java.util.List<String> ldif = new java.util.ArrayList<>(java.util.List.of("dn: uid=" + uid + "," + BASE,
				"objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn, "sn: " + cn.substring(0, 1),
				"employeeNumber: " + employeeNumber, "mail: " + uid + "@example.edu", "displayName: " + uid));
		if (department != null) {
			ldif.add("departmentNumber: " + department);
		}
		directory.add(ldif.toArray(String[]::new));
	}

	private String orgUnitCode(String identifier) {
		return jdbc.sql("select o.code from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id where a.identifier = :i")
			.param("i", identifier).query(String.class).single();
	}

	private String status(String identifier) {
		return jdbc.sql("select status from identity_affiliation where identifier = :i").param("i", identifier)
			.query(String.class).single();
	}

	private String name(String identifier) {
		return jdbc.sql("select p.name from identity_person p join identity_affiliation a on a.person_id = p.id where a.identifier = :i")
			.param("i", identifier).query(String.class).single();
	}
}
