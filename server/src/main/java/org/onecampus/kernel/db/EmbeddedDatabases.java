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

	private static final Map<Path, Shared> running = new HashMap<>();

	private static final Set<Path> seen = new HashSet<>();

	private EmbeddedDatabases() {
	}

	/**
	 * Starts the database for the directory, or shares the one already running.
	 * @param directory data directory
	 * @param port port, 0 for any
	 * @return this caller's lease, to close when done; never null
	 */
	public static synchronized Lease acquire(Path directory, int port) {
		Path key = directory.toAbsolutePath().normalize();
		if (seen.add(key) && Boolean.getBoolean(FRESH_PROPERTY)) {
			deleteRecursively(key);
		}
		Shared shared = running.computeIfAbsent(key, k -> new Shared(k, EmbeddedDatabase.start(k, port)));
		shared.holders++;
		return new Lease(shared);
	}

	private static synchronized void release(Shared shared) {
		if (--shared.holders == 0) {
			running.remove(shared.key);
			shared.database.close();
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

	private static final class Shared {

		private final Path key;

		private final EmbeddedDatabase database;

		private int holders;

		private Shared(Path key, EmbeddedDatabase database) {
			this.key = key;
			this.database = database;
		}
	}

	/** One caller's share of a running embedded database; closing it twice releases it once. */
	public static final class Lease implements AutoCloseable {

		private final Shared shared;

		private boolean closed;

		private Lease(Shared shared) {
			this.shared = shared;
		}

		public EmbeddedDatabase database() {
			return shared.database;
		}

		@Override
		public void close() {
			synchronized (EmbeddedDatabases.class) {
				if (!closed) {
					closed = true;
					release(shared);
				}
			}
		}
	}
}
