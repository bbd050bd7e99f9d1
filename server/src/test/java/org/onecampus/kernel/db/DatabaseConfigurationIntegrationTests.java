package org.onecampus.kernel.db;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's connections to the embedded database go over its Unix-domain socket, not TCP. */
@IntegrationTest
class DatabaseConfigurationIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void thePoolConnectsOverTheEmbeddedDatabasesSocket() throws Exception {
		assertThat(dataSource.unwrap(HikariDataSource.class).getJdbcUrl())
			.contains("socketFactory=" + UnixDomainSocketFactory.class.getName());
		// PostgreSQL knows no client address for a connection over its Unix-domain socket
		assertThat(jdbc.sql("select coalesce(inet_client_addr()::text, 'socket')").query(String.class).single())
			.isEqualTo("socket");
		assertThat(jdbc.sql("select count(*) from pg_stat_activity where pid = pg_backend_pid() and client_port = -1")
			.query(Long.class)
			.single()).isOne();
	}
}
