package org.onecampus.identity.internal.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.PersonAffiliationChanged;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.audit.AuditLog.AuditEntry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly lifecycle run: affiliations whose end date passed become EXPIRED (or GRADUATED for
 * students), graduates whose grace period ended get an ALUMNUS affiliation, and accounts without
 * a current affiliation are disabled. Cluster-safe: one node runs it at a time under a
 * transaction-scoped PostgreSQL advisory lock; the others skip.
 */
@Component
class AffiliationLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AffiliationLifecycle.class);

	private static final long LOCK = 0x1d_0001_11fe_c1ceL;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	private final AccountDeactivation deactivation;

	private final AuditLog audit;

	private final Clock clock;

	AffiliationLifecycle(JdbcClient jdbc, TransactionTemplate transaction, ApplicationEventPublisher events,
			AccountDeactivation deactivation, AuditLog audit, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.events = events;
		this.deactivation = deactivation;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	@Scheduled(cron = "${onecampus.identity.lifecycle.cron:0 15 2 * * *}")
	void nightly() {
		Result result = runFor(LocalDate.now(clock));
		log.info("Affiliation lifecycle: {}", result);
	}

	/** @return what changed, or {@link Result#SKIPPED} when another node holds the lock */
	Result runFor(LocalDate today) {
		return transaction.execute(status -> {
			if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				return Result.SKIPPED;
			}
			List<Ended> ended = jdbc.sql("""
					update identity_affiliation a set status = case when a.type in ('UNDERGRADUATE', 'POSTGRADUATE', 'PHD')
					  then 'GRADUATED' else 'EXPIRED' end, updated_at = now()
					from identity_affiliation old
					where old.id = a.id and a.status in ('ACTIVE', 'SUSPENDED') and a.end_date < :today
					returning a.id, a.person_id, a.type, old.status as previous, a.status""").param("today", today)
				.query((rs, n) -> new Ended(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
						rs.getString("type"), rs.getString("previous"), rs.getString("status")))
				.list();
			ended.forEach(e -> changed(e.personId(), e.id(), e.type(), e.previous(), e.status(), "identity.affiliation.ended"));
			List<Graduate> alumni = jdbc.sql("""
					select id, person_id, org_unit_id from identity_affiliation
					where status = 'GRADUATED' and successor_id is null and end_date + :grace < :today for update""")
				.param("grace", deactivation.graceDays()).param("today", today)
				.query((rs, n) -> new Graduate(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
						rs.getObject("org_unit_id", UUID.class)))
				.list();
			for (Graduate graduate : alumni) {
				UUID alumnus = UUID.randomUUID();
				jdbc.sql("""
						insert into identity_affiliation (id, person_id, type, org_unit_id, status, start_date, is_primary)
						values (:id, :person, 'ALUMNUS', :org, 'ACTIVE', :today, false)""")
					.param("id", alumnus).param("person", graduate.personId()).param("org", graduate.orgUnitId())
					.param("today", today).update();
				jdbc.sql("update identity_affiliation set successor_id = :s where id = :id").param("s", alumnus)
					.param("id", graduate.id()).update();
				changed(graduate.personId(), alumnus, "ALUMNUS", null, "ACTIVE", "identity.affiliation.alumnus");
			}
			List<String> disabled = deactivation.disableWithoutCurrentAffiliation(today, null);
			disabled.forEach(username -> audit.record(new AuditEntry("system", "identity.account.disabled",
					"account:" + username, Map.of("reason", "no-current-affiliation"), null)));
			return new Result(ended.size(), alumni.size(), disabled.size());
		});
	}

	private void changed(UUID personId, UUID affiliationId, String type, String from, String to, String action) {
		audit.record(new AuditEntry("system", action, "person:" + personId,
				Map.of("affiliation", affiliationId.toString(), "type", type, "status", to), null));
		events.publishEvent(new PersonAffiliationChanged(personId, affiliationId, type, from, to, clock.instant()));
	}

	private record Ended(UUID id, UUID personId, String type, String previous, String status) {
	}

	private record Graduate(UUID id, UUID personId, UUID orgUnitId) {
	}

	/**
	 * @param ended affiliations that passed their end date
	 * @param alumni alumnus affiliations begun
	 * @param disabledAccounts accounts disabled
	 */
	record Result(int ended, int alumni, int disabledAccounts) {

		static final Result SKIPPED = new Result(-1, -1, -1);
	}
}
