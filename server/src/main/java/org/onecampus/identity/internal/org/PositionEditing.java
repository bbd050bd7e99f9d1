package org.onecampus.identity.internal.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns positions in org units (head, counsellor, ...) under one set of rules for the administration API and
 * bulk imports: the unit is in the administrator's scope, a supervisor names the supervised student, the end is not
 * before the start. Each assignment is audited.
 */
@Service
public class PositionEditing {

	/** The position kinds ({@link org.onecampus.identity.OrgChart#POSITION_KINDS}), as a bean-validation pattern. */
	public static final String KIND_PATTERN = "HEAD|DEPUTY_HEAD|COUNSELLOR|CLASS_ADVISOR|SUPERVISOR|OFFICE_STAFF";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	PositionEditing(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @param subjectPersonId the supervised student of a SUPERVISOR; null otherwise
	 * @param startDate null: today
	 * @param endDate null: open-ended
	 */
	public record Assignment(UUID personId, UUID orgUnitId, String kind, UUID subjectPersonId, LocalDate startDate,
			LocalDate endDate) {
	}

	public enum Outcome {
		CREATED, UPDATED
	}

	public static boolean isKnownKind(String kind) {
		return kind != null && org.onecampus.identity.OrgChart.POSITION_KINDS.contains(kind);
	}

	/**
	 * A new position.
	 * @return its id
	 * @throws PlatformException 404 when the unit is outside {@code scope} or a person is unknown, 422 on a rule
	 */
	@Transactional
	public UUID assign(Assignment assignment, Scope scope) {
		LocalDate start = check(assignment, scope);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_position (id, person_id, org_unit_id, kind, subject_person_id, start_date, end_date)
				values (:id, :person, :org, :kind, :subject, :start, :end)""")
			.param("id", id).param("person", assignment.personId()).param("org", assignment.orgUnitId())
			.param("kind", assignment.kind()).param("subject", assignment.subjectPersonId()).param("start", start)
			.param("end", assignment.endDate()).update();
		audit.record("identity.position.assigned", "person:" + assignment.personId(), Map.of("position", id.toString(),
				"kind", assignment.kind(), "orgUnit", assignment.orgUnitId().toString()));
		return id;
	}

	/**
	 * The same person holding the same kind of position in the same unit (for the same student) is one position: a
	 * current one gets the new dates, otherwise a new one is assigned. Imports run twice therefore change nothing.
	 */
	@Transactional
	public Outcome assignOrUpdate(Assignment assignment, Scope scope) {
		Optional<UUID> current = jdbc.sql("""
				select id from identity_position where person_id = :person and org_unit_id = :org and kind = :kind
				  and subject_person_id is not distinct from cast(:subject as uuid)
				  and (end_date is null or end_date >= current_date)
				order by start_date desc limit 1""")
			.param("person", assignment.personId()).param("org", assignment.orgUnitId()).param("kind", assignment.kind())
			.param("subject", assignment.subjectPersonId()).query(UUID.class).optional();
		if (current.isEmpty()) {
			assign(assignment, scope);
			return Outcome.CREATED;
		}
		LocalDate start = check(assignment, scope);
		jdbc.sql("update identity_position set start_date = :start, end_date = :end where id = :id")
			.param("start", start).param("end", assignment.endDate()).param("id", current.get()).update();
		audit.record("identity.position.changed", "person:" + assignment.personId(), Map.of("position",
				current.get().toString(), "kind", assignment.kind(), "endDate", String.valueOf(assignment.endDate())));
		return Outcome.UPDATED;
	}

	/** @return false when the unit has no such position */
	@Transactional
	public boolean end(UUID orgUnitId, UUID positionId, LocalDate end, Scope scope) {
		scope.require(orgUnitId);
		int updated = jdbc.sql("update identity_position set end_date = :end where id = :pid and org_unit_id = :org")
			.param("end", end).param("pid", positionId).param("org", orgUnitId).update();
		if (updated > 0) {
			audit.record("identity.position.ended", "position:" + positionId, Map.of("endDate", end.toString()));
		}
		return updated > 0;
	}

	private LocalDate check(Assignment assignment, Scope scope) {
		scope.require(assignment.orgUnitId());
		List<FieldProblem> problems = new ArrayList<>();
		if ("SUPERVISOR".equals(assignment.kind()) && assignment.subjectPersonId() == null) {
			problems.add(new FieldProblem("subjectPersonId", "identity.position.subject-required"));
		}
		LocalDate start = assignment.startDate() == null ? LocalDate.now() : assignment.startDate();
		if (assignment.endDate() != null && assignment.endDate().isBefore(start)) {
			problems.add(new FieldProblem("endDate", "identity.position.end-before-start"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		requirePerson(assignment.personId());
		if (assignment.subjectPersonId() != null) {
			requirePerson(assignment.subjectPersonId());
		}
		return start;
	}

	private void requirePerson(UUID personId) {
		if (!jdbc.sql("select exists (select 1 from identity_person where id = :id)").param("id", personId).query(Boolean.class).single()) {
			throw PlatformException.notFound("person", personId);
		}
	}
}
