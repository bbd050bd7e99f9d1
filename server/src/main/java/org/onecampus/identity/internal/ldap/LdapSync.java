package org.onecampus.identity.internal.ldap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.identity.internal.people.PersonUpserts;
import org.onecampus.identity.internal.people.PersonUpserts.Outcome;
import org.onecampus.identity.internal.people.PersonUpserts.PersonRecord;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs people from the directory: an entry creates or updates the person with its 学号/工号 (through
 * {@link PersonUpserts}), an entry gone from the directory ends the affiliation it created. Cluster-safe:
 * the run holds a transaction-scoped PostgreSQL advisory lock, another node skips; each entry is applied
 * under a savepoint so one bad entry is reported without undoing the others.
 */
@Component
class LdapSync {

	private static final Logger log = LoggerFactory.getLogger(LdapSync.class);

	static final long LOCK = 0x1d_0001_1dab_5a7cL;

	private final LdapProperties properties;

	private final LdapDirectory directory;

	private final PersonUpserts upserts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate savepoint;

	private final AuditLog audit;

	LdapSync(LdapProperties properties, LdapDirectory directory, PersonUpserts upserts, JdbcClient jdbc,
			PlatformTransactionManager transactions, AuditLog audit) {
		this.properties = properties;
		this.directory = directory;
		this.upserts = upserts;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.audit = audit;
	}

	/**
	 * @param created people created
	 * @param updated people updated
	 * @param ended affiliations ended because their entry left the directory
	 * @param problems entries skipped, as {@code dn: error code}
	 */
	record Report(int created, int updated, int ended, List<String> problems) {
	}

	@Scheduled(cron = "${onecampus.identity.ldap.cron:-}")
	void scheduled() {
		try {
			log.info("Directory sync: {}", run());
		}
		catch (PlatformException ex) {
			log.warn("Directory sync not run: {} {}", ex.errorCode(), java.util.Arrays.toString(ex.args()));
		}
	}

	Report run() {
		return run(properties);
	}

	/** Runs with the given settings (the configured ones, or a test directory's). */
	Report run(LdapProperties properties) {
		if (!properties.enabled()) {
			throw new PlatformException(HttpStatus.CONFLICT, "identity.ldap.disabled");
		}
		List<LdapDirectory.Entry> entries = directory.people(properties);
		Report report = transaction.execute(status -> {
			if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
				throw new PlatformException(HttpStatus.CONFLICT, "identity.ldap.busy");
			}
			int[] counts = new int[3];
			List<String> problems = new ArrayList<>();
			Set<String> seen = new HashSet<>();
			for (LdapDirectory.Entry entry : entries) {
				if (entry.identifier() == null || entry.name() == null) {
					problems.add(entry.dn() + ": identity.ldap.incomplete");
					continue;
				}
				seen.add(entry.identifier().toLowerCase(Locale.ROOT));
				Optional<UUID> orgUnit = orgUnit(entry.orgUnitCode() == null ? properties.orgUnitCode() : entry.orgUnitCode());
				if (orgUnit.isEmpty()) {
					problems.add(entry.dn() + ": identity.import.org-unit");
					continue;
				}
				try {
					Outcome outcome = savepoint.execute(s -> {
						Outcome o = upserts.upsert(new PersonRecord(entry.name(), entry.nameEn(), null, entry.phone(),
								entry.email(), null, properties.affiliationType(), entry.identifier(), orgUnit.get(), null,
								null), Scope.WHOLE_UNIVERSITY);
						jdbc.sql("""
								insert into identity_ldap_entry (identifier, dn) values (:i, :dn)
								on conflict (identifier) do update set dn = excluded.dn, synced_at = now()""")
							.param("i", entry.identifier()).param("dn", entry.dn()).update();
						return o;
					});
					counts[outcome == Outcome.CREATED ? 0 : 1]++;
				}
				catch (PlatformException ex) {
					problems.add(entry.dn() + ": " + ex.errorCode());
				}
			}
			List<String> tracked = jdbc.sql("select identifier from identity_ldap_entry").query(String.class).list();
			for (String identifier : tracked) {
				if (seen.contains(identifier.toLowerCase(Locale.ROOT))) {
					continue;
				}
				if (upserts.end(identifier, Scope.WHOLE_UNIVERSITY)) {
					counts[2]++;
				}
				jdbc.sql("delete from identity_ldap_entry where identifier = :i").param("i", identifier).update();
			}
			return new Report(counts[0], counts[1], counts[2], List.copyOf(problems));
		});
		audit.record("identity.directory.synced", "directory", Map.of("created", report.created(), "updated",
				report.updated(), "ended", report.ended(), "problems", report.problems().size()));
		return report;
	}

	private Optional<UUID> orgUnit(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select id from identity_org_unit where lower(code) = lower(:c)").param("c", code.trim())
			.query(UUID.class).optional();
	}
}
