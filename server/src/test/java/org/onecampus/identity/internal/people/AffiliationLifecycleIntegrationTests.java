package org.onecampus.identity.internal.people;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AffiliationLifecycleIntegrationTests {

	@Autowired
	AffiliationLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aContractorWhoseEndDatePassedExpiresAndLosesTheAccount() {
		PeopleFixtures fixtures = new PeopleFixtures(jdbc);
		LocalDate today = LocalDate.now();
		PeopleFixtures.Built contractor = fixtures.personWithAccount("CONTRACTOR", "ITC", "ACTIVE", today.minusDays(1));
		PeopleFixtures.Built stillHere = fixtures.personWithAccount("CONTRACTOR", "ITC", "ACTIVE", today);

		lifecycle.runFor(today);

		assertThat(fixtures.status(contractor.affiliationId())).isEqualTo("EXPIRED");
		assertThat(fixtures.enabled(contractor.username())).isFalse();
		assertThat(fixtures.published(contractor.personId())).isEqualTo(1);
		assertThat(fixtures.audited("identity.account.disabled", "account:" + contractor.username())).isEqualTo(1);
		assertThat(fixtures.status(stillHere.affiliationId())).isEqualTo("ACTIVE");
		assertThat(fixtures.enabled(stillHere.username())).isTrue();
	}

	@Test
	void aGraduateKeepsTheAccountThroughTheGracePeriodAndThenBecomesAnAlumnus() {
		PeopleFixtures fixtures = new PeopleFixtures(jdbc);
		LocalDate today = LocalDate.now();
		PeopleFixtures.Built recent = fixtures.personWithAccount("UNDERGRADUATE", "CS", "ACTIVE", today.minusDays(10));
		PeopleFixtures.Built longAgo = fixtures.personWithAccount("UNDERGRADUATE", "CS", "ACTIVE", today.minusDays(120));

		lifecycle.runFor(today);

		assertThat(fixtures.status(recent.affiliationId())).isEqualTo("GRADUATED");
		assertThat(fixtures.enabled(recent.username())).isTrue();
		assertThat(alumni(recent)).isZero();
		assertThat(fixtures.status(longAgo.affiliationId())).isEqualTo("GRADUATED");
		assertThat(alumni(longAgo)).isEqualTo(1);
		assertThat(fixtures.enabled(longAgo.username())).isTrue();

		lifecycle.runFor(today);
		assertThat(alumni(longAgo)).as("a second run changes nothing").isEqualTo(1);
	}

	@Test
	void aSecondNodeSkipsTheRunWhileTheFirstHoldsTheLock() throws Exception {
		var other = new java.util.concurrent.atomic.AtomicReference<AffiliationLifecycle.Result>();
		new org.springframework.transaction.support.TransactionTemplate(
				new org.springframework.jdbc.support.JdbcTransactionManager(dataSource))
			.executeWithoutResult(status -> {
				jdbc.sql("select pg_advisory_xact_lock(:l)").param("l", 0x1d_0001_11fe_c1ceL).query().singleRow();
				Thread thread = new Thread(() -> other.set(lifecycle.runFor(LocalDate.now())));
				thread.start();
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
		assertThat(other.get()).isEqualTo(AffiliationLifecycle.Result.SKIPPED);
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private long alumni(PeopleFixtures.Built person) {
		return jdbc.sql("select count(*) from identity_affiliation where person_id = :p and type = 'ALUMNUS' and status = 'ACTIVE'")
			.param("p", person.personId()).query(Long.class).single();
	}
}
