package org.onecampus.kernel.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Shares one embedded database per data directory inside a JVM, so that several application
 * contexts (as in a test run) use one PostgreSQL and the last one to close stops it.
 */
public final class EmbeddedDatabases {

	/** System property: when true, a directory is wiped the first time this JVM uses it. */
	public static final String FRESH_PROPERTY = "onecampus.embedded-db.fresh";

	private static final Map<Path, Lease> leases = new HashMap<>();

	private static final Set<Path> seen = new HashSet<>();

	private EmbeddedDatabases() {
	}

	/**
	 * Starts the database for the directory, or shares the one already running.
	 * @param directory data directory
	 * @param port port, 0 for any
	 * @return a lease to close when done; never null
	 */
	public static synchronized Lease acquire(Path directory, int port) {
		Path key = directory.toAbsolutePath().normalize();
		if (seen.add(key) && Boolean.getBoolean(FRESH_PROPERTY)) {
			deleteRecursively(key);
		}
		Lease lease = leases.get(key);
		if (lease == null) {
			lease = new Lease(key, EmbeddedDatabase.start(key, port));
			leases.put(key, lease);
		}
		lease.holders++;
		return lease;
	}

	private static synchronized void release(Lease lease) {
		if (--lease.holders == 0) {
			leases.remove(lease.key);
			lease.database.close();
		}
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> files = Files.walk(path)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A share of a running embedded database. */
	public static final class Lease implements AutoCloseable {

		private final Path key;

		private final EmbeddedDatabase database;

		private int holders;

		private boolean closed;

		private Lease(Path key, EmbeddedDatabase database) {
			this.key = key;
			this.database = database;
		}

		public EmbeddedDatabase database() {
			return database;
		}

		@Override
		public void close() {
			synchronized (EmbeddedDatabases.class) {
				if (!closed) {
					closed = holders == 1;
					release(this);
				}
			}
		}
	}
}
