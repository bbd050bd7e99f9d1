package org.onecampus.messaging.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.onecampus.messaging.channel.ChannelRegistry;
import org.onecampus.messaging.channel.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: every poll interval, each enabled channel whose previous run has finished gets
 * a run on its own thread, so that a slow or unreachable channel never holds up the others. A run
 * claims due deliveries with {@code for update skip locked} (so several nodes share the work
 * without sending anything twice) and delivers them, repeating while a full batch was due.
 */
@Component
class DeliveryWorkers implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);

	private final ChannelRegistry channels;

	private final DeliveryRun run;

	private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
		Thread thread = new Thread(r, "messaging-delivery");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();

	private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	private final ChannelSettingsStore settings;

	DeliveryWorkers(ChannelRegistry channels, DeliveryRun run, ChannelSettingsStore settings) {
		this.channels = channels;
		this.run = run;
		this.settings = settings;
	}

	@Scheduled(initialDelayString = "${onecampus.messaging.poll-interval:500ms}",
			fixedDelayString = "${onecampus.messaging.poll-interval:500ms}")
	void poll() {
		// every channel's settings in one query per poll (not one per channel): an idle outbox costs one
		// statement per interval plus a claim per enabled channel
		Map<String, ChannelSettingsStore.Stored> configured;
		try {
			configured = settings.allEnabled();
		}
		catch (RuntimeException ex) {
			log.warn("Delivery poll could not read the channel settings: {}", ex.toString());
			return;
		}
		for (MessageChannel channel : channels.all()) {
			ChannelSettingsStore.Stored stored = configured.get(channel.id());
			if (stored == null || !stored.enabled()) {
				continue;
			}
			AtomicBoolean running = busy.computeIfAbsent(channel.id(), id -> new AtomicBoolean());
			if (!stopping && running.compareAndSet(false, true)) {
				executor.execute(() -> {
					try {
						RateLimiter limiter = limiters.computeIfAbsent(channel.id(), id -> new RateLimiter());
						// the first run with the settings just read, further runs (a full batch was due) re-read them
						boolean more = !stopping && run.deliverDue(channel, stored, limiter);
						while (more && !stopping && run.deliverDue(channel, limiter)) {
							Thread.onSpinWait();
						}
					}
					catch (RuntimeException ex) {
						log.warn("Delivery run of channel {} failed: {}", channel.id(), ex.toString());
					}
					finally {
						running.set(false);
					}
				});
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		stopping = true;
		executor.shutdown();
		if (!executor.awaitTermination(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			executor.shutdownNow();
		}
	}
}
