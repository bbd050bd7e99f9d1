package org.onecampus.kernel.db;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void dataWrittenBeforeARestartIsThereAfterIt() {
		try (EmbeddedDatabase first = EmbeddedDatabase.start(directory, 0)) {
			JdbcTemplate jdbc = new JdbcTemplate(first.postgresDataSource());
			jdbc.execute("create table restart_probe (id int primary key, note text)");
			jdbc.update("insert into restart_probe values (1, '重启之后仍在')");
		}
		try (EmbeddedDatabase second = EmbeddedDatabase.start(directory, 0)) {
			JdbcTemplate jdbc = new JdbcTemplate(second.postgresDataSource());
			assertThat(jdbc.queryForObject("select note from restart_probe where id = 1", String.class)).isEqualTo("重启之后仍在");
			assertThat(jdbc.queryForObject("show server_version", String.class)).startsWith("17.");
			// Durable settings, not the embedded library's test defaults.
			assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
			assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
		}
	}

	@Test
	void contextsSharingADirectoryShareOneDatabaseUntilTheLastLetsGo() {
		Path shared = directory.resolve("shared");
		EmbeddedDatabases.Lease a = EmbeddedDatabases.acquire(shared, 0);
		EmbeddedDatabases.Lease b = EmbeddedDatabases.acquire(shared, 0);
		assertThat(b.database()).isSameAs(a.database());
		a.close();
		a.close(); // closing twice does not release someone else's share
		assertThat(new JdbcTemplate(b.database().postgresDataSource()).queryForObject("select 1", Integer.class)).isOne();
		b.close();
	}
}
