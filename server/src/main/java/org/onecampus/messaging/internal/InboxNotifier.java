package org.onecampus.messaging.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes inbox changes to open browsers over server-sent events, across nodes: a change is
 * announced with PostgreSQL {@code NOTIFY messaging_inbox, '<person id>'} and every node
 * {@code LISTEN}s on one dedicated connection and tells the streams it holds for that person the
 * new unread count.
 */
@Component
class InboxNotifier implements SmartLifecycle {

	static final String CHANNEL = "messaging_inbox";

	private static final Logger log = LoggerFactory.getLogger(InboxNotifier.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Map<UUID, Set<SseEmitter>> streams = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread listener;

	InboxNotifier(DataSource dataSource, JdbcClient jdbc) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
	}

	/** Announces that a person's inbox changed, to every node (delivered when the caller's transaction commits). */
	void changed(UUID personId) {
		jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, personId.toString()).query().singleRow();
	}

	/** Registers a stream of one person and sends the current unread count at once. */
	SseEmitter open(UUID personId) {
		SseEmitter emitter = new SseEmitter(0L);
		Set<SseEmitter> own = streams.computeIfAbsent(personId, id -> new CopyOnWriteArraySet<>());
		own.add(emitter);
		Runnable remove = () -> own.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(e -> remove.run());
		push(personId, List.of(emitter));
		return emitter;
	}

	long unread(UUID personId) {
		return jdbc.sql("select count(*) from messaging_delivery where person_id = ? and channel = 'inapp' and status = 'SENT'")
			.param(personId)
			.query(Long.class)
			.single();
	}

	private void push(UUID personId, java.util.Collection<SseEmitter> emitters) {
		if (emitters.isEmpty()) {
			return;
		}
		long unread = unread(personId);
		for (SseEmitter emitter : emitters) {
			try {
				emitter.send(SseEmitter.event().name("unread").data(Map.of("unread", unread)));
			}
			catch (IOException | IllegalStateException ex) {
				streams.getOrDefault(personId, Set.of()).remove(emitter);
			}
		}
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection()) {
				connection.setAutoCommit(true);
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				long lastBeat = System.nanoTime();
				while (running) {
					PGNotification[] notifications = pg.getNotifications(1000);
					for (PGNotification n : notifications == null ? new PGNotification[0] : notifications) {
						UUID person = UUID.fromString(n.getParameter());
						push(person, streams.getOrDefault(person, Set.of()));
					}
					if (System.nanoTime() - lastBeat > 20_000_000_000L) {
						heartbeat();
						lastBeat = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (running) {
					log.warn("Inbox listener lost its connection, reconnecting: {}", ex.toString());
					sleep();
				}
			}
		}
	}

	/** Comments keep proxies from closing idle streams and find closed ones. */
	private void heartbeat() {
		streams.forEach((person, emitters) -> emitters.removeIf(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
				return false;
			}
			catch (IOException | IllegalStateException ex) {
				return true;
			}
		}));
	}

	private static void sleep() {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		running = true;
		listener = new Thread(this::listen, "messaging-inbox-listener");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		streams.values().forEach(set -> set.forEach(SseEmitter::complete));
		streams.clear();
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
