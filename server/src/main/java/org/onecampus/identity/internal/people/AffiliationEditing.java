package org.onecampus.identity.internal.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.PersonAffiliationChanged;
import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes affiliations under the lifecycle rules of {@link AffiliationRules}; a status
 * change is audited, published as {@link PersonAffiliationChanged} and disables the account when
 * no current affiliation is left.
 */
@Service
class AffiliationEditing {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final AccountDeactivation deactivation;

	private final Clock clock;

	AffiliationEditing(JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events,
			AccountDeactivation deactivation, java.util.Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.deactivation = deactivation;
		this.clock = clock.orElse(Clock.systemDefaultZone());
	}

	@Transactional
	UUID add(UUID personId, PersonForms.AffiliationForm form, Scope scope) {
		scope.require(orgUnitOrNull(form.orgUnitId()));
		String status = form.statusOrActive();
		validate(form.type(), status, form.startDate(), form.endDate());
		checkIdentifier(form.identifier(), null);
		UUID id = UUID.randomUUID();
		if (form.isPrimary()) {
			jdbc.sql("update identity_affiliation set is_primary = false where person_id = :p").param("p", personId).update();
		}
		jdbc.sql("""
				insert into identity_affiliation (id, person_id, type, identifier, org_unit_id, status, start_date, end_date, is_primary)
				values (:id, :person, :type, :identifier, :org, :status, :start, :end, :primary)""")
			.param("id", id).param("person", personId).param("type", form.type())
			.param("identifier", blankToNull(form.identifier())).param("org", form.orgUnitId()).param("status", status)
			.param("start", form.startDate()).param("end", endDate(status, form.endDate()))
			.param("primary", form.isPrimary()).update();
		audit.record("identity.affiliation.added", "person:" + personId,
				Map.of("affiliation", id.toString(), "type", form.type(), "status", status));
		events.publishEvent(new PersonAffiliationChanged(personId, id, form.type(), null, status, clock.instant()));
		return id;
	}

	@Transactional
	void change(UUID personId, UUID affiliationId, PersonForms.AffiliationForm form, Scope scope) {
		Current current = jdbc.sql("""
				select type, status, org_unit_id from identity_affiliation where id = :id and person_id = :p for update""")
			.param("id", affiliationId).param("p", personId)
			.query((rs, n) -> new Current(rs.getString("type"), rs.getString("status"), rs.getObject("org_unit_id", UUID.class)))
			.optional().orElseThrow(() -> PlatformException.notFound("affiliation", affiliationId));
		scope.require(current.orgUnitId());
		scope.require(orgUnitOrNull(form.orgUnitId()));
		String status = form.statusOrActive();
		if (!current.type().equals(form.type())) {
			throw PlatformException.invalid(new ArrayList<>(List.of(new FieldProblem("type", "identity.affiliation.type-fixed"))));
		}
		if (!AffiliationRules.mayChange(current.status(), status, current.type())) {
			throw PlatformException.conflict("identity.affiliation-transition", current.status(), status);
		}
		validate(form.type(), status, form.startDate(), form.endDate());
		checkIdentifier(form.identifier(), affiliationId);
		if (form.isPrimary()) {
			jdbc.sql("update identity_affiliation set is_primary = false where person_id = :p and id <> :id")
				.param("p", personId).param("id", affiliationId).update();
		}
		jdbc.sql("""
				update identity_affiliation set identifier = :identifier, org_unit_id = :org, status = :status,
				  start_date = :start, end_date = :end, is_primary = :primary, updated_at = now() where id = :id""")
			.param("id", affiliationId).param("identifier", blankToNull(form.identifier())).param("org", form.orgUnitId())
			.param("status", status).param("start", form.startDate()).param("end", endDate(status, form.endDate()))
			.param("primary", form.isPrimary()).update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("affiliation", affiliationId.toString());
		details.put("status", status);
		if (!current.status().equals(status)) {
			details.put("previousStatus", current.status());
			events.publishEvent(new PersonAffiliationChanged(personId, affiliationId, current.type(), current.status(),
					status, clock.instant()));
		}
		audit.record("identity.affiliation.changed", "person:" + personId, details);
		List<String> disabled = deactivation.disableWithoutCurrentAffiliation(LocalDate.now(clock), personId);
		disabled.forEach(username -> audit.record("identity.account.disabled", "account:" + username,
				Map.of("reason", "no-current-affiliation")));
	}

	private void validate(String type, String status, LocalDate start, LocalDate end) {
		List<FieldProblem> problems = new ArrayList<>();
		if (AffiliationRules.needsEndDate(type) && end == null) {
			problems.add(new FieldProblem("endDate", "identity.affiliation.end-date-required"));
		}
		if (end != null && end.isBefore(start)) {
			problems.add(new FieldProblem("endDate", "identity.affiliation.end-before-start"));
		}
		if ("GRADUATED".equals(status) && !AffiliationRules.STUDENT_TYPES.contains(type)) {
			problems.add(new FieldProblem("status", "identity.affiliation.only-students-graduate"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
	}

	/** Ending an affiliation without a date ends it today, so its grace period and history have a date. */
	private LocalDate endDate(String status, LocalDate end) {
		return end == null && !"ACTIVE".equals(status) && !"SUSPENDED".equals(status) ? LocalDate.now(clock) : end;
	}

	private void checkIdentifier(String identifier, UUID affiliationId) {
		if (identifier == null || identifier.isBlank()) {
			return;
		}
		boolean taken = jdbc.sql("""
				select exists (select 1 from identity_affiliation where lower(identifier) = lower(:i)
				  and (cast(:id as uuid) is null or id <> cast(:id as uuid)))""")
			.param("i", identifier.trim()).param("id", affiliationId).query(Boolean.class).single();
		if (taken) {
			throw PlatformException.conflict("identity.identifier-taken", identifier.trim());
		}
	}

	private UUID orgUnitOrNull(UUID orgUnitId) {
		return jdbc.sql("select id from identity_org_unit where id = :id").param("id", orgUnitId).query(UUID.class)
			.optional().orElse(null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private record Current(String type, String status, UUID orgUnitId) {
	}
}
