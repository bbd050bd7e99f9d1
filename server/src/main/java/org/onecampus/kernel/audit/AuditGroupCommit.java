package org.onecampus.kernel.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Group commit for audit entries recorded outside a transaction: callers enqueue their entry and wait;
 * one writer thread takes whatever is queued (up to {@link #MAX_BATCH}) and appends it to the chain in
 * one transaction, under one take of the chain lock, then releases every caller of that batch. An entry
 * is therefore committed before {@link #append} returns, as with one transaction per entry, but a burst
 * of concurrent writers (token requests, sign-ins) pays one lock, one round of chain bookkeeping and one
 * commit per batch instead of per entry, and no longer queues on the chain lock one commit at a time.
 */
final class AuditGroupCommit {

	static final int MAX_BATCH = 256;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(16 * MAX_BATCH);

	private final Consumer<List<Pending>> writer;

	private final Thread thread;

	private volatile boolean running = true;

	/** One entry waiting for its batch's commit. */
	record Pending(JdbcAuditLog.Row row, CompletableFuture<Void> done) {
	}

	/**
	 * @param writer appends a batch in one transaction and throws if it did not commit
	 */
	AuditGroupCommit(Consumer<List<Pending>> writer) {
		this.writer = writer;
		this.thread = new Thread(this::run, "audit-group-commit");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Appends the row with the next batch and waits for that batch's commit.
	 * @return false when the writer is not accepting entries (stopped or its queue is full): the caller
	 * appends the entry itself
	 */
	boolean append(JdbcAuditLog.Row row) {
		if (!running) {
			return false;
		}
		Pending pending = new Pending(row, new CompletableFuture<>());
		if (!queue.offer(pending)) {
			return false;
		}
		try {
			pending.done().join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
		return true;
	}

	/** @return how many entries wait for the writer */
	int queued() {
		return queue.size();
	}

	/** Stops taking entries, writes what is queued and ends the writer thread. */
	void stop() {
		running = false;
		thread.interrupt();
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		while (running) {
			Pending first;
			try {
				first = queue.take();
			}
			catch (InterruptedException ex) {
				break;
			}
			write(first);
		}
		// Stopped: whatever was enqueued before the stop is still written (its callers are waiting).
		Pending rest;
		while ((rest = queue.poll()) != null) {
			write(rest);
		}
	}

	private void write(Pending first) {
		List<Pending> batch = new ArrayList<>();
		batch.add(first);
		queue.drainTo(batch, MAX_BATCH - 1);
		try {
			writer.accept(batch);
			batch.forEach(p -> p.done().complete(null));
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				first.done().completeExceptionally(ex);
				return;
			}
			// One bad entry must not fail its neighbours: write them one by one.
			for (Pending pending : batch) {
				try {
					writer.accept(List.of(pending));
					pending.done().complete(null);
				}
				catch (RuntimeException single) {
					pending.done().completeExceptionally(single);
				}
			}
		}
		catch (Error ex) {
			batch.forEach(p -> p.done().completeExceptionally(ex));
			throw ex;
		}
	}
}
