package org.onecampus.identity.internal.org;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Positions in an org unit (head, deputy head, counsellor, class advisor, supervisor, office staff): list, assign, end. */
@RestController
class PositionsController {

	private final JdbcClient jdbc;

	private final AdminScope scopes;

	private final AuditLog audit;

	PositionsController(JdbcClient jdbc, AdminScope scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
	}

	@GetMapping("/api/v1/identity/org-units/{id}/positions")
	@PreAuthorize("hasAuthority('identity:org:read')")
	List<Position> positions(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id) {
		scopes.of(user, OrgUnitsController.READ).require(id);
		return jdbc.sql("""
				select p.id, p.kind, p.person_id, h.name, p.subject_person_id, s.name as subject_name, p.start_date, p.end_date
				from identity_position p join identity_person h on h.id = p.person_id
				left join identity_person s on s.id = p.subject_person_id
				where p.org_unit_id = :id and (p.end_date is null or p.end_date >= current_date)
				order by p.kind, h.name""").param("id", id)
			.query((rs, n) -> new Position(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("person_id", UUID.class), rs.getString("name"),
					rs.getObject("subject_person_id", UUID.class), rs.getString("subject_name"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
			.list();
	}

	@PostMapping("/api/v1/identity/org-units/{id}/positions")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	ResponseEntity<Position> assign(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id,
			@Valid @RequestBody Assignment form) {
		scopes.of(user, OrgUnitsController.MANAGE).require(id);
		List<FieldProblem> problems = new ArrayList<>();
		if ("SUPERVISOR".equals(form.kind()) && form.subjectPersonId() == null) {
			problems.add(new FieldProblem("subjectPersonId", "identity.position.subject-required"));
		}
		LocalDate start = form.startDate() == null ? LocalDate.now() : form.startDate();
		if (form.endDate() != null && form.endDate().isBefore(start)) {
			problems.add(new FieldProblem("endDate", "identity.position.end-before-start"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		requirePerson(form.personId());
		if (form.subjectPersonId() != null) {
			requirePerson(form.subjectPersonId());
		}
		UUID position = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_position (id, person_id, org_unit_id, kind, subject_person_id, start_date, end_date)
				values (:id, :person, :org, :kind, :subject, :start, :end)""")
			.param("id", position).param("person", form.personId()).param("org", id).param("kind", form.kind())
			.param("subject", form.subjectPersonId()).param("start", start).param("end", form.endDate()).update();
		audit.record("identity.position.assigned", "person:" + form.personId(),
				Map.of("position", position.toString(), "kind", form.kind(), "orgUnit", id.toString()));
		Position created = positions(user, id).stream().filter(p -> p.id().equals(position)).findFirst()
			.orElseGet(() -> new Position(position, form.kind(), form.personId(), null, form.subjectPersonId(), null, start,
					form.endDate()));
		return ResponseEntity.created(URI.create("/api/v1/identity/org-units/" + id + "/positions/" + position)).body(created);
	}

	/** Ends a position at {@code endDate} (default yesterday, so it no longer counts today). */
	@PostMapping("/api/v1/identity/org-units/{id}/positions/{positionId}/ending")
	@PreAuthorize("hasAuthority('identity:org:manage')")
	@Transactional
	ResponseEntity<Void> end(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id, @PathVariable UUID positionId,
			@RequestBody(required = false) Ending form) {
		scopes.of(user, OrgUnitsController.MANAGE).require(id);
		LocalDate end = form == null || form.endDate() == null ? LocalDate.now().minusDays(1) : form.endDate();
		int updated = jdbc.sql("""
				update identity_position set end_date = :end where id = :pid and org_unit_id = :org""")
			.param("end", end).param("pid", positionId).param("org", id).update();
		if (updated == 0) {
			throw PlatformException.notFound("position", positionId);
		}
		audit.record("identity.position.ended", "position:" + positionId, Map.of("endDate", end.toString()));
		return ResponseEntity.noContent().build();
	}

	private void requirePerson(UUID personId) {
		if (!jdbc.sql("select exists (select 1 from identity_person where id = :id)").param("id", personId).query(Boolean.class).single()) {
			throw PlatformException.notFound("person", personId);
		}
	}

	record Position(UUID id, String kind, UUID personId, String personName, UUID subjectPersonId, String subjectName,
			LocalDate startDate, LocalDate endDate) {
	}

	record Assignment(@NotNull UUID personId,
			@NotNull @Pattern(regexp = "HEAD|DEPUTY_HEAD|COUNSELLOR|CLASS_ADVISOR|SUPERVISOR|OFFICE_STAFF") String kind,
			UUID subjectPersonId, LocalDate startDate, LocalDate endDate) {
	}

	record Ending(LocalDate endDate) {
	}
}
