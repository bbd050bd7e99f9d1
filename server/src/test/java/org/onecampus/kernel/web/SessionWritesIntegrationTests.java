package org.onecampus.kernel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onecampus.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.ConfigurableTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

/**
 * Writes stored with the request's session ({@link SessionWrites}) commit in the session's save: one transaction,
 * both or neither; a session that failed with them is not saved later in the request; writes no save took run as the
 * request ends; outside a request they run at once.
 */
@IntegrationTest
class SessionWritesIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionWrites writes;

	@Autowired
	SessionRepository<?> sessions;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void table() {
		jdbc.sql("create table test_session_writes (note text not null)").update();
	}

	@AfterEach
	void drop() {
		jdbc.sql("drop table test_session_writes").update();
	}

	@Test
	void writesCommitWithTheSessionsSaveInOneTransaction() {
		Session session = store().createSession();
		session.setAttribute("onecampus.test", "with writes");
		List<String> committed = new ArrayList<>();

		try (var following = writes.follow(new MockHttpServletRequest())) {
			writes.withSession(() -> note("first"));
			writes.withSession(() -> note("second"));
			assertThat(notes()).as("nothing before the session is saved").isEmpty();
			counting(committed, () -> store().save(session));
		}

		assertThat(committed).containsExactly(SessionWrites.class.getName());
		assertThat(notes()).containsExactly("first", "second");
		assertThat(store().findById(session.getId()).<String>getAttribute("onecampus.test")).isEqualTo("with writes");
	}

	@Test
	void aSessionWhoseWritesFailIsNotSavedThenOrLaterInTheRequest() {
		Session session = store().createSession();
		session.setAttribute("onecampus.test", "refused");
		var request = new MockHttpServletRequest();

		try (var following = writes.follow(request)) {
			writes.withSession(() -> note("kept back"));
			writes.withSession(() -> jdbc.sql("insert into test_session_writes (note) values (null)").update());
			assertThatThrownBy(() -> store().save(session)).isInstanceOf(RuntimeException.class);
		}
		// the error page's dispatch of the same request saves the same session again: still nothing
		try (var following = writes.follow(request)) {
			store().save(session);
		}

		assertThat(notes()).isEmpty();
		assertThat(store().findById(session.getId())).isNull();
		// another request saves it as usual
		try (var following = writes.follow(new MockHttpServletRequest())) {
			store().save(session);
		}
		assertThat(store().findById(session.getId())).isNotNull();
	}

	@Test
	void writesNoSaveTookRunWhenTheRequestEndsAndOutsideARequestAtOnce() {
		try (var following = writes.follow(new MockHttpServletRequest())) {
			writes.withSession(() -> note("left over"));
			assertThat(notes()).isEmpty();
		}
		assertThat(notes()).containsExactly("left over");

		writes.withSession(() -> note("at once"));
		assertThat(notes()).containsExactly("left over", "at once");
	}

	@SuppressWarnings("unchecked")
	private SessionRepository<Session> store() {
		return (SessionRepository<Session>) sessions;
	}

	private void note(String note) {
		jdbc.sql("insert into test_session_writes (note) values (?)").param(note).update();
	}

	private List<String> notes() {
		return jdbc.sql("select note from test_session_writes order by ctid").query(String.class).list();
	}

	/** Runs {@code work} noting the names of the transactions it commits (Spring Session's own are unnamed). */
	private void counting(List<String> committed, Runnable work) {
		var manager = (ConfigurableTransactionManager) transactions;
		var original = manager.getTransactionExecutionListeners();
		var listening = new ArrayList<>(original);
		listening.add(new TransactionExecutionListener() {
			@Override
			public void afterCommit(TransactionExecution transaction, Throwable failure) {
				if (failure == null && Thread.currentThread() == thread) {
					committed.add(transaction.getTransactionName() == null ? "" : transaction.getTransactionName());
				}
			}

			private final Thread thread = Thread.currentThread();
		});
		manager.setTransactionExecutionListeners(listening);
		try {
			work.run();
		}
		finally {
			manager.setTransactionExecutionListeners(original);
		}
	}
}
