package org.onecampus.kernel.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Session's JDBC store ({@code kernel_session}) reads a session, on every request that carries a session
 * cookie, in a transaction of its own: BEGIN, one SELECT of the session with its attributes, COMMIT. One
 * statement is consistent by itself, so that transaction only adds a round trip (the COMMIT) to every request of
 * a signed-in browser. Here the store's reads run without one; everything it writes (a new session with its
 * attributes, a changed id with its security context, a deletion, the expiry clean-up) keeps its own transaction,
 * as before. A read inside a caller's transaction also keeps a transaction of its own, as before.
 * <p>
 * Attribute values are written with the modules' compact codecs where they have one ({@link SessionValues}).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/**
	 * Spring Session's transactions (found by this name): its own default, except for the reads described above.
	 * Not a default candidate, so it is no one else's {@code TransactionOperations}.
	 */
	@Bean(defaultCandidate = false)
	SessionTransactions springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new SessionTransactions(template);
	}

	/**
	 * How Spring Session's JDBC store (found by this name) turns attribute values into bytes and back: with the
	 * modules' {@link SessionValueCodec}s where one encodes the value, Java serialization otherwise.
	 */
	@Bean(defaultCandidate = false)
	ConversionService springSessionConversionService(List<SessionValueCodec> codecs, ResourceLoader resources) {
		return SessionValues.conversionService(codecs, resources.getClassLoader());
	}

	@Bean
	static BeanPostProcessor sessionReadsWithoutTransaction(
			@Qualifier("springSessionTransactionOperations") ObjectProvider<SessionTransactions> transactions) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository repository
						? new SessionStore(repository, transactions.getObject()) : bean;
			}
		};
	}

	/** Spring Session's transactions, with a way to run the store's reads without one. */
	static final class SessionTransactions implements TransactionOperations {

		private final TransactionTemplate template;

		private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

		SessionTransactions(TransactionTemplate template) {
			this.template = template;
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			if (reading.get() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
				// each statement on a connection of its own in auto-commit: the read, or an expired session's delete
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return template.execute(action);
		}

		<T> T reading(Supplier<T> read) {
			reading.set(Boolean.TRUE);
			try {
				return read.get();
			}
			finally {
				reading.remove();
			}
		}
	}

	/** The JDBC store, its reads by id without a transaction ({@link SessionTransactions}). */
	static final class SessionStore implements FindByIndexNameSessionRepository<Session>, DisposableBean {

		private final JdbcIndexedSessionRepository jdbc;

		/** The same store, seen through its interface (its session class is not public). */
		private final FindByIndexNameSessionRepository<Session> store;

		private final SessionTransactions transactions;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionStore(JdbcIndexedSessionRepository jdbc, SessionTransactions transactions) {
			this.jdbc = jdbc;
			this.store = (FindByIndexNameSessionRepository) jdbc;
			this.transactions = transactions;
		}

		@Override
		public Session createSession() {
			return store.createSession();
		}

		@Override
		public void save(Session session) {
			store.save(session);
		}

		@Override
		public Session findById(String id) {
			return transactions.reading(() -> store.findById(id));
		}

		@Override
		public void deleteById(String id) {
			store.deleteById(id);
		}

		@Override
		public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return store.findByIndexNameAndIndexValue(indexName, indexValue);
		}

		@Override
		public void destroy() {
			jdbc.destroy();
		}
	}
}
