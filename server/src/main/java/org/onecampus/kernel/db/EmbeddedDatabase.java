package org.onecampus.kernel.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 whose data lives in a directory that survives restarts. Used when no
 * external database is configured: by the {@code run} command and by the tests. Never registers a
 * JVM shutdown hook (that would make every test JVM wait); the owner closes it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	public static final String DATABASE = "onecampus";

	/** Longest socket path a Unix-domain address takes ({@code sun_path} is 108 bytes with its terminating zero). */
	private static final int SOCKET_PATH_LIMIT = 107;

	/** PostgreSQL's socket in its directory is this name followed by the port. */
	private static final String SOCKET_NAME = ".s.PGSQL.";

	private final EmbeddedPostgres postgres;

	private final Path directory;

	private final Path socketDirectory;

	private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, Path socketDirectory) {
		this.postgres = postgres;
		this.directory = directory;
		this.socketDirectory = socketDirectory;
	}

	/**
	 * Starts PostgreSQL on the given data directory, creating it on first use and keeping what is
	 * already there.
	 * @param directory the data directory, created when missing
	 * @param port the port, or 0 for any free port
	 * @return the running database
	 * @throws UncheckedIOException when PostgreSQL cannot start
	 */
	public static EmbeddedDatabase start(Path directory, int port) {
		try {
			Files.createDirectories(directory);
			Path data = directory.toAbsolutePath().normalize();
			Path socketDirectory = socketDirectory(data);
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(data)
				.setCleanDataDirectory(false)
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "128MB")
				// Durable like a real server: zonky's test defaults turn these off, and then a crash of
				// the machine loses the last commits of a database that `run` keeps for good.
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// its Unix-domain socket where only this data directory's owner can reach it (PostgreSQL's default,
				// the system's temporary directory, is open to every local user of the machine)
				.setServerConfig("unix_socket_directories", socketDirectory.toString())
				.setServerConfig("unix_socket_permissions", "0700");
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			var database = new EmbeddedDatabase(postgres, data, socketDirectory);
			database.createDatabaseIfMissing();
			log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), data);
			return database;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL could not start in " + directory, ex);
		}
	}

	private void createDatabaseIfMissing() {
		try (var connection = postgres.getPostgresDatabase().getConnection();
				var statement = connection.createStatement()) {
			try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("Could not create the embedded database", ex);
		}
	}

	/**
	 * The socket directory: the data directory itself, unless its socket's path would be too long for a
	 * Unix-domain address; then the system's temporary directory, as PostgreSQL does by default.
	 */
	private static Path socketDirectory(Path data) {
		String socket = data.resolve(SOCKET_NAME + 65535).toString();
		return socket.getBytes(StandardCharsets.UTF_8).length <= SOCKET_PATH_LIMIT ? data
				: Path.of(System.getProperty("java.io.tmpdir"));
	}

	/** @return the JDBC URL over TCP on localhost */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	/**
	 * The JDBC URL over PostgreSQL's Unix-domain socket ({@link UnixDomainSocketFactory}), when the socket is there
	 * (PostgreSQL on Windows makes none); otherwise the one over TCP. No TLS: a local socket has nothing to encrypt
	 * against, and asking first would cost every new connection a round trip.
	 * @return the URL
	 */
	public String socketJdbcUrl() {
		Path socket = socket();
		if (!Files.exists(socket)) {
			return jdbcUrl();
		}
		return jdbcUrl() + "?sslmode=disable&socketFactory=" + UnixDomainSocketFactory.class.getName()
				+ "&socketFactoryArg=" + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
	}

	/** @return the path of PostgreSQL's Unix-domain socket (which may not exist, as on Windows) */
	public Path socket() {
		return socketDirectory.resolve(SOCKET_NAME + postgres.getPort());
	}

	public DataSource postgresDataSource() {
		return postgres.getDatabase("postgres", DATABASE);
	}

	public int port() {
		return postgres.getPort();
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() {
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
