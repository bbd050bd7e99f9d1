package org.onecampus.kernel.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Session's JDBC store ({@code kernel_session}) reads a session, on every request that carries a session
 * cookie, in a transaction of its own: BEGIN, one SELECT of the session with its attributes, COMMIT. One
 * statement is consistent by itself, so that transaction only adds a round trip (the COMMIT) to every request of
 * a signed-in browser. Here the store's reads run without one; everything it writes (a new session with its
 * attributes, a changed id with its security context, a deletion, the expiry clean-up) keeps its own transaction,
 * as before. A read inside a caller's transaction also keeps a transaction of its own, as before.
 * <p>
 * A request records its session's last access only when the stored one is older than
 * {@link SessionStore#TOUCH_INTERVAL} (a minute; at most a twentieth of the idle timeout), not on every request:
 * Spring Session would otherwise rewrite the session's row, all four of its indexes and the write-ahead log, and
 * wait for the disk, on every request of a signed-in browser, of which a portal page makes several. Idle sessions
 * still end after the idle timeout, up to that minute early; the sessions page shows the last access to the minute.
 * <p>
 * Attribute values are written with the modules' compact codecs where they have one ({@link SessionValues}).
 * <p>
 * Writes a request wants stored with its session ({@link SessionWrites}) run in the transaction of the session's save.
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
	SessionWrites sessionWrites(PlatformTransactionManager transactionManager) {
		TransactionTemplate template = new TransactionTemplate(transactionManager);
		template.setName(SessionWrites.class.getName());
		return new SessionWrites(template);
	}

	/** Follows each request just outside Spring Session's filter, for the writes left when no session was saved. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sessionWritesFilter(SessionWrites writes) {
		var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
			@Override
			protected boolean shouldNotFilterAsyncDispatch() {
				return false;
			}

			@Override
			protected boolean shouldNotFilterErrorDispatch() {
				return false;
			}

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				try (var following = writes.follow(request)) {
					chain.doFilter(request, response);
				}
			}
		});
		// the dispatches Spring Session's filter follows, the error page's among them
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	@Bean
	static BeanPostProcessor sessionReadsWithoutTransaction(
			@Qualifier("springSessionTransactionOperations") ObjectProvider<SessionTransactions> transactions,
			ObjectProvider<SessionWrites> writes) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository repository
						? new SessionStore(repository, transactions.getObject(), writes.getObject()) : bean;
			}
		};
	}

	/**
	 * Spring Session's transactions, with a way to run the store's reads without one and its save in a transaction
	 * begun with other writes.
	 */
	static final class SessionTransactions implements TransactionOperations {

		private final TransactionTemplate template;

		/** Takes part in the transaction begun by {@link #together}. */
		private final TransactionTemplate joining;

		private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

		private final ThreadLocal<Boolean> together = new ThreadLocal<>();

		SessionTransactions(TransactionTemplate template) {
			this.template = template;
			this.joining = new TransactionTemplate(template.getTransactionManager());
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			if (reading.get() != null && !TransactionSynchronizationManager.isActualTransactionActive()) {
				// each statement on a connection of its own in auto-commit: the read, or an expired session's delete
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			return together.get() != null ? joining.execute(action) : template.execute(action);
		}

		/** Runs {@code work} in {@code transaction}, which the store's writes on this thread meanwhile take part in. */
		void together(TransactionOperations transaction, Runnable work) {
			together.set(Boolean.TRUE);
			try {
				transaction.executeWithoutResult(status -> work.run());
			}
			finally {
				together.remove();
			}
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

	/**
	 * The JDBC store, its reads by id without a transaction ({@link SessionTransactions}) and its last-access writes
	 * at most once per {@link #TOUCH_INTERVAL} ({@link Touched}).
	 */
	static final class SessionStore implements FindByIndexNameSessionRepository<Session>, DisposableBean {

		/** The longest a session's stored last access lags behind its real one. */
		static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

		private final JdbcIndexedSessionRepository jdbc;

		/** The same store, seen through its interface (its session class is not public). */
		private final FindByIndexNameSessionRepository<Session> store;

		private final SessionTransactions transactions;

		private final SessionWrites writes;

		@SuppressWarnings({ "unchecked", "rawtypes" })
		SessionStore(JdbcIndexedSessionRepository jdbc, SessionTransactions transactions, SessionWrites writes) {
			this.jdbc = jdbc;
			this.store = (FindByIndexNameSessionRepository) jdbc;
			this.transactions = transactions;
			this.writes = writes;
		}

		@Override
		public Session createSession() {
			return store.createSession();
		}

		/**
		 * Saves the session, with the request's {@link SessionWrites} first in the same transaction if it has any; a
		 * session that failed to be saved with them is not saved later in the request.
		 */
		@Override
		public void save(Session session) {
			Session toSave = session instanceof Touched touched ? touched.toSave() : session;
			if (writes.discarded(toSave)) {
				return;
			}
			Runnable withSession = writes.take();
			if (withSession == null) {
				store.save(toSave);
				return;
			}
			try {
				transactions.together(writes.transactions(), () -> {
					withSession.run();
					store.save(toSave);
				});
			}
			catch (RuntimeException | Error ex) {
				writes.discard(toSave);
				throw ex;
			}
		}

		@Override
		public Session findById(String id) {
			Session found = transactions.reading(() -> store.findById(id));
			return found == null ? null : new Touched(found);
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

	/**
	 * A stored session whose last access is written only when the stored one is at least {@link #interval} old: a
	 * request within that time leaves the session unchanged, so that Spring Session writes nothing for it. A request
	 * that changes the session anyway (an attribute, the id, the timeout) writes its last access with the change.
	 */
	static final class Touched implements Session {

		private final Session stored;

		/** The last access not written yet, if any. */
		private Instant unwritten;

		/** Whether the session changes anyway. */
		private boolean changed;

		Touched(Session stored) {
			this.stored = stored;
		}

		/** @return the stored session to save, with its last access when it changes anyway */
		Session toSave() {
			if (changed && unwritten != null) {
				stored.setLastAccessedTime(unwritten);
				unwritten = null;
			}
			return stored;
		}

		/** @return {@link SessionStore#TOUCH_INTERVAL}, or a twentieth of a shorter idle timeout */
		Duration interval() {
			Duration share = stored.getMaxInactiveInterval().dividedBy(20);
			return share.isNegative() || share.isZero() || share.compareTo(SessionStore.TOUCH_INTERVAL) > 0
					? SessionStore.TOUCH_INTERVAL : share;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(interval()))) {
				stored.setLastAccessedTime(lastAccessedTime);
				unwritten = null;
			}
			else {
				unwritten = lastAccessedTime;
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			changed = true;
			return stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			changed = true;
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			changed = true;
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			changed = true;
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}
	}
}
