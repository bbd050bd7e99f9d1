package org.onecampus.kernel.error;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are the database's, recognised by Spring's exception types or, in any wrapper, by SQLSTATE. */
class DatabaseTroubleTests {

	@Test
	void springsTranslatedExceptionsByType() {
		assertThat(DatabaseTrouble.of(new CannotGetJdbcConnectionException("pool exhausted")))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new CannotCreateTransactionException("no connection")))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new QueryTimeoutException("statement timeout")))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new CannotAcquireLockException("nowait")))
			.contains(DatabaseTrouble.CONCURRENT_CHANGE);
		assertThat(DatabaseTrouble.of(new DataIntegrityViolationException("duplicate"))).isEmpty();
	}

	@Test
	void aJdbcFailureInsideAnotherLibrarysWrapperBySqlState() {
		// as the workflow engine (MyBatis) hands them on: untranslated, inside its own exception
		assertThat(DatabaseTrouble.of(new IllegalStateException("engine", new SQLException("connection lost", "08006"))))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("shutting down", "57P01"))))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("disk full", "53100"))))
			.contains(DatabaseTrouble.UNAVAILABLE);
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("serialization", "40001"))))
			.contains(DatabaseTrouble.CONCURRENT_CHANGE);
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("deadlock", "40P01"))))
			.contains(DatabaseTrouble.CONCURRENT_CHANGE);
	}

	@Test
	void everythingElseIsNotTheDatabasesTrouble() {
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("unique", "23505")))).isEmpty();
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("raised", "P0001")))).isEmpty();
		assertThat(DatabaseTrouble.of(new RuntimeException(new SQLException("no state")))).isEmpty();
		assertThat(DatabaseTrouble.of(new IllegalArgumentException("a bug"))).isEmpty();
	}
}
