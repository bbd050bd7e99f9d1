package org.onecampus.kernel.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's Unix-domain socket and the driver's connections over it ({@link UnixDomainSocketFactory}):
 * where the socket is and who may reach it, and the driver's uses of a socket that a TCP socket gives it for free:
 * read timeouts (validation, {@code LISTEN}'s {@code getNotifications(ms)}, {@code socketTimeout}), answers and
 * requests larger than the socket's buffers, with and without a timeout set, and threads that are interrupted.
 */
class UnixDomainSocketIntegrationTests {

	@TempDir
	static Path directory;

	static EmbeddedDatabase database;

	@BeforeAll
	static void start() {
		database = EmbeddedDatabase.start(directory.resolve("pg"), 0);
	}

	@AfterAll
	static void stop() {
		database.close();
	}

	@Test
	void theSocketIsInTheDataDirectoryAndOnlyItsOwnerMayUseIt() throws Exception {
		Path socket = database.socket();
		assertThat(socket.getParent()).isEqualTo(database.directory());
		assertThat(Files.exists(socket)).isTrue();
		assertThat(Files.getPosixFilePermissions(socket)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
		assertThat(Files.getPosixFilePermissions(database.directory())).containsExactlyInAnyOrder(
				PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
	}

	@Test
	void theSocketUrlConnectsOverTheSocketAndTheTcpUrlOverTcp() throws SQLException {
		assertThat(database.socketJdbcUrl()).contains("socketFactory=" + UnixDomainSocketFactory.class.getName());
		try (Connection socket = connect(database.socketJdbcUrl()); Connection tcp = connect(database.jdbcUrl())) {
			// PostgreSQL has no client address for a connection over its Unix-domain socket
			assertThat(one(socket, "select inet_client_addr()::text")).isNull();
			assertThat(one(tcp, "select inet_client_addr()::text")).isIn("127.0.0.1/32", "::1/128");
			assertThat(one(socket, "select ssl::text from pg_stat_ssl where pid = pg_backend_pid()")).isEqualTo("false");
		}
	}

	@Test
	void notificationsWaitForTheirTimeoutThenArriveAndQueriesWorkBetweenWaits() throws Exception {
		try (Connection listener = connect(database.socketJdbcUrl());
				Connection sender = connect(database.socketJdbcUrl());
				Statement listen = listener.createStatement()) {
			listen.execute("LISTEN socket_probe");
			PGConnection pg = listener.unwrap(PGConnection.class);

			long started = System.nanoTime();
			assertThat(pg.getNotifications(300)).isEmpty();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
			// after a timed wait the connection reads without a timeout again
			assertThat(one(listener, "select '之后的查询'")).isEqualTo("之后的查询");

			var executor = Executors.newSingleThreadScheduledExecutor();
			try {
				executor.schedule(() -> {
					try (Statement notify = sender.createStatement()) {
						notify.execute("NOTIFY socket_probe, '收到'");
					}
					return null;
				}, 200, TimeUnit.MILLISECONDS);
				PGNotification[] received = pg.getNotifications(10_000);
				assertThat(received).extracting(PGNotification::getParameter).containsExactly("收到");
			}
			finally {
				executor.shutdownNow();
			}
		}
	}

	@Test
	void aStatementLongerThanTheSocketTimeoutFailsAndTheConnectionSaysSo() throws SQLException {
		try (Connection connection = connect(database.socketJdbcUrl() + "&socketTimeout=1")) {
			assertThat(one(connection, "select 'quick'")).isEqualTo("quick");
			assertThatThrownBy(() -> one(connection, "select pg_sleep(3)::text")).isInstanceOf(SQLException.class)
				.hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
			assertThat(connection.isClosed()).isTrue();
		}
	}

	@Test
	void requestsAndAnswersLargerThanTheSocketsBuffersGoThroughWithAndWithoutATimeoutAndWithSmallBuffers() throws SQLException {
		byte[] large = new byte[12 * 1024 * 1024];
		for (int i = 0; i < large.length; i++) {
			large[i] = (byte) (i * 31 + (i >>> 11));
		}
		for (String url : new String[] { database.socketJdbcUrl(), database.socketJdbcUrl() + "&socketTimeout=30",
				database.socketJdbcUrl() + "&receiveBufferSize=16384&sendBufferSize=16384" }) {
			try (Connection connection = connect(url);
					PreparedStatement echo = connection.prepareStatement("select ?::bytea, length(?::bytea)")) {
				echo.setBytes(1, large);
				echo.setBytes(2, large);
				try (ResultSet rs = echo.executeQuery()) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getInt(2)).isEqualTo(large.length);
					assertThat(Arrays.equals(rs.getBytes(1), large)).as("the echoed bytes over %s", url).isTrue();
				}
			}
		}
	}

	@Test
	void anInterruptedThreadKeepsItsConnectionAndItsInterrupt() throws Exception {
		try (Connection connection = connect(database.socketJdbcUrl())) {
			// a thread that carries its interrupt flag on (as a sign-in does after an interrupted wait for its hash)
			Thread.currentThread().interrupt();
			try {
				assertThat(one(connection, "select 'flag set'")).isEqualTo("flag set");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				Thread.interrupted();
			}
			// a thread interrupted while it waits for an answer (as a writer thread told to finish at shutdown)
			Thread waiting = Thread.currentThread();
			Thread interrupter = new Thread(() -> {
				try {
					Thread.sleep(300);
				}
				catch (InterruptedException ex) {
					return;
				}
				waiting.interrupt();
			});
			interrupter.start();
			try {
				assertThat(one(connection, "select pg_sleep(1)::text || 'done'")).isEqualTo("done");
				assertThat(Thread.currentThread().isInterrupted()).isTrue();
			}
			finally {
				interrupter.join();
				Thread.interrupted();
			}
			assertThat(one(connection, "select 'still open'")).isEqualTo("still open");
		}
	}

	@Test
	void aValidatedConnectionStaysUsable() throws SQLException {
		try (Connection connection = connect(database.socketJdbcUrl())) {
			for (int i = 0; i < 3; i++) {
				assertThat(connection.isValid(2)).isTrue(); // sets and resets a network timeout
				assertThat(one(connection, "select " + i + "::text")).isEqualTo(String.valueOf(i));
			}
		}
	}

	@Test
	void withoutASocketFileTheDriverFailsToConnectWithTheSocketsPath() {
		Path missing = directory.resolve("missing/.s.PGSQL.1");
		String url = database.jdbcUrl() + "?sslmode=disable&socketFactory=" + UnixDomainSocketFactory.class.getName()
				+ "&socketFactoryArg=" + missing;
		assertThatThrownBy(() -> connect(url)).isInstanceOf(SQLException.class)
			.hasStackTraceContaining(missing.toString());
	}

	private static Connection connect(String url) throws SQLException {
		return DriverManager.getConnection(url, "postgres", "");
	}

	private static String one(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			assertThat(rs.next()).isTrue();
			return rs.getString(1);
		}
	}
}
