package org.onecampus.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * The transactions a request runs on the server's request threads ({@code -exec-}), named as Spring names them:
 * after the {@code @Transactional} method ({@code org.onecampus…}), or empty for Spring Session's and other
 * unnamed ones. Background work runs on other threads and is not counted.
 */
public final class RequestTransactions {

	/** What happened to the transactions during the request, in order. */
	public record Seen(List<String> begun, List<String> committed) {
	}

	private RequestTransactions() {
	}

	/** Runs the request with a listener on the transaction manager, which is removed again afterwards. */
	public static <T> T during(PlatformTransactionManager transactions, Seen seen, Supplier<T> request) {
		TransactionExecutionListener listener = new TransactionExecutionListener() {
			@Override
			public void afterBegin(TransactionExecution transaction, Throwable failure) {
				if (failure == null && onRequestThread()) {
					seen.begun().add(name(transaction));
				}
			}

			@Override
			public void afterCommit(TransactionExecution transaction, Throwable failure) {
				if (failure == null && onRequestThread()) {
					seen.committed().add(name(transaction));
				}
			}
		};
		// a new collection, swapped in and out whole: background threads may be iterating the manager's own
		ConfigurableTransactionManager manager = (ConfigurableTransactionManager) transactions;
		var original = manager.getTransactionExecutionListeners();
		var listening = new CopyOnWriteArrayList<>(original);
		listening.add(listener);
		manager.setTransactionExecutionListeners(listening);
		try {
			return request.get();
		}
		finally {
			manager.setTransactionExecutionListeners(original);
		}
	}

	/** A fresh record to pass to {@link #during}. */
	public static Seen seen() {
		return new Seen(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
	}

	private static boolean onRequestThread() {
		return Thread.currentThread().getName().contains("-exec-");
	}

	private static String name(TransactionExecution transaction) {
		String name = transaction.getTransactionName();
		return name == null ? "" : name;
	}
}
