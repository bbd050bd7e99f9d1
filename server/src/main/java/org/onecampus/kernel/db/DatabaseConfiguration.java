package org.onecampus.kernel.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.onecampus.kernel.OneCampusProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one DataSource: an external PostgreSQL when {@code onecampus.db.url} is set (from
 * {@code ONECAMPUS_DB_URL}), otherwise the embedded PostgreSQL in {@code onecampus.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHandle embeddedDatabase(OneCampusProperties properties) {
		if (properties.db().external()) {
			return new EmbeddedDatabaseHandle(null);
		}
		return new EmbeddedDatabaseHandle(EmbeddedDatabases.acquire(properties.dataDir().resolve("postgres"),
				properties.db().embeddedPort()));
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(OneCampusProperties properties, EmbeddedDatabaseHandle embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("onecampus");
		if (embedded.lease() != null) {
			EmbeddedDatabase database = embedded.lease().database();
			config.setJdbcUrl(properties.db().embeddedSocket() ? database.socketJdbcUrl() : database.jdbcUrl());
			config.setUsername("postgres");
		}
		else {
			config.setJdbcUrl(properties.db().url());
			config.setUsername(properties.db().user());
			config.setPassword(properties.db().password());
			log.info("Using external PostgreSQL at {}", properties.db().url().replaceAll("password=[^&]*", "password=***"));
		}
		config.setMaximumPoolSize(properties.db().poolSize());
		config.setConnectionTimeout(10_000);
		return new HikariDataSource(config);
	}

	/** Holds the embedded database, if one is used, for as long as the context lives. */
	record EmbeddedDatabaseHandle(EmbeddedDatabases.Lease lease) implements AutoCloseable {

		@Override
		public void close() {
			if (lease != null) {
				lease.close();
			}
		}
	}
}
