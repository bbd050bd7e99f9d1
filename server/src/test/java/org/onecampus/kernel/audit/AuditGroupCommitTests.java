package org.onecampus.kernel.audit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class AuditGroupCommitTests {

	final ExecutorService callers = Executors.newFixedThreadPool(8);

	final List<List<String>> batches = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		callers.shutdownNow();
	}

	@Test
	void entriesQueuedWhileABatchIsWrittenGoTogetherInTheNextOne() throws Exception {
		CountDownLatch firstWriteStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		AuditGroupCommit commit = new AuditGroupCommit(batch -> {
			batches.add(batch.stream().map(p -> p.row().entry().action()).toList());
			if (batches.size() == 1) {
				firstWriteStarted.countDown();
				awaitLatch(releaseFirstWrite);
			}
		});
		try {
			Future<Boolean> first = callers.submit(() -> commit.append(row("a.0")));
			assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
			List<Future<Boolean>> waiting = new java.util.ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				String action = "a." + i;
				waiting.add(callers.submit(() -> commit.append(row(action))));
			}
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> commit.queued() == 5);
			assertThat(first.isDone()).as("the first caller waits for its commit").isFalse();
			releaseFirstWrite.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
			for (Future<Boolean> future : waiting) {
				assertThat(future.get(10, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(batches).hasSize(2);
			assertThat(batches.get(0)).containsExactly("a.0");
			assertThat(batches.get(1)).containsExactlyInAnyOrder("a.1", "a.2", "a.3", "a.4", "a.5");
		}
		finally {
			commit.stop();
		}
	}

	@Test
	void aFailingEntryFailsOnlyItsOwnCallerAndTheOthersAreStillWritten() throws Exception {
		CountDownLatch firstWriteStarted = new CountDownLatch(1);
		CountDownLatch releaseFirstWrite = new CountDownLatch(1);
		AuditGroupCommit commit = new AuditGroupCommit(batch -> {
			if (batch.stream().anyMatch(p -> p.row().entry().action().equals("bad"))) {
				throw new IllegalStateException("cannot store this one");
			}
			batches.add(batch.stream().map(p -> p.row().entry().action()).toList());
			if (batches.size() == 1) {
				firstWriteStarted.countDown();
				awaitLatch(releaseFirstWrite);
			}
		});
		try {
			Future<Boolean> first = callers.submit(() -> commit.append(row("good.0")));
			assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> good1 = callers.submit(() -> commit.append(row("good.1")));
			Future<Boolean> bad = callers.submit(() -> commit.append(row("bad")));
			Future<Boolean> good2 = callers.submit(() -> commit.append(row("good.2")));
			await().atMost(java.time.Duration.ofSeconds(10)).until(() -> commit.queued() == 3);
			releaseFirstWrite.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(good1.get(10, TimeUnit.SECONDS)).isTrue();
			assertThat(good2.get(10, TimeUnit.SECONDS)).isTrue();
			assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
				.hasMessageContaining("cannot store this one");
			assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder("good.0", "good.1", "good.2");
		}
		finally {
			commit.stop();
		}
	}

	@Test
	void afterStopTheCallerIsToldToWriteItself() {
		AuditGroupCommit commit = new AuditGroupCommit(batch -> batches.add(List.of("written")));
		assertThat(commit.append(row("before"))).isTrue();
		commit.stop();
		assertThat(commit.append(row("after"))).isFalse();
		assertThat(batches).hasSize(1);
	}

	private static JdbcAuditLog.Row row(String action) {
		return new JdbcAuditLog.Row(new AuditLog.AuditEntry("tester", action, null, null, null), null, null);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
