package org.onecampus.identity.internal.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Creates, changes, moves and closes org units under one set of rules, for the administration API and for bulk
 * imports: a unit stays inside the administrator's scope, never moves below itself, ends no earlier than it starts,
 * and is closed only once it has no open sub-unit, no current affiliation and no current position. Each change is
 * audited.
 */
@Service
public class OrgUnitEditing {

	/** The org unit types, as a bean-validation pattern. */
	public static final String TYPE_PATTERN = "UNIVERSITY|CAMPUS|COLLEGE|OFFICE|MAJOR|CLASS|RESEARCH_GROUP";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	OrgUnitEditing(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The data of one org unit.
	 * @param nameEn may be null
	 * @param parentId null only for the root of the tree
	 * @param validFrom null: today for a new unit, unchanged for an existing one
	 * @param validTo null while open; a date closes the unit at that date
	 * @param sortOrder null: 0 for a new unit, unchanged for an existing one
	 */
	public record UnitData(String code, String name, String nameEn, String type, UUID parentId, LocalDate validFrom,
			LocalDate validTo, Integer sortOrder) {
	}

	/** A unit as stored. */
	public record Stored(UUID id, String code, UUID parentId, LocalDate validFrom, LocalDate validTo, int sortOrder) {
	}

	public static boolean isKnownType(String type) {
		return type != null && type.matches(TYPE_PATTERN);
	}

	public Optional<Stored> byCode(String code) {
		return find("lower(code) = lower(:v)", code);
	}

	public Optional<Stored> byId(UUID id) {
		return find("id = :v", id);
	}

	/**
	 * @return the new unit's id
	 * @throws PlatformException 404 when the parent is outside {@code scope}, 409 when the code is taken, 422 on bad dates
	 */
	@Transactional
	public UUID create(UnitData data, Scope scope) {
		scope.require(data.parentId());
		if (byCode(data.code()).isPresent()) {
			throw PlatformException.conflict("identity.org-unit-code-taken", data.code());
		}
		LocalDate from = data.validFrom() == null ? LocalDate.now() : data.validFrom();
		checkDates(from, data.validTo());
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_org_unit (id, code, name, name_en, type, parent_id, valid_from, valid_to, sort_order)
				values (:id, :code, :name, :nameEn, :type, :parent, :from, :to, :sort)""")
			.param("id", id).param("code", data.code()).param("name", data.name().trim()).param("nameEn", blankToNull(data.nameEn()))
			.param("type", data.type()).param("parent", data.parentId()).param("from", from).param("to", data.validTo())
			.param("sort", data.sortOrder() == null ? 0 : data.sortOrder()).update();
		audit.record("identity.org-unit.created", "org-unit:" + data.code(), Map.of("type", data.type()));
		return id;
	}

	/**
	 * Renames, retypes, moves (with its whole subtree), re-dates or closes a unit; its code stays.
	 * @throws PlatformException 404 outside {@code scope}, 409 on a cycle or when closing a unit still in use
	 */
	@Transactional
	public void change(UUID id, UnitData data, Scope scope) {
		scope.require(id);
		Stored before = byId(id).orElseThrow(() -> PlatformException.notFound("org-unit", id));
		boolean moved = !Objects.equals(data.parentId(), before.parentId());
		if (moved) {
			if (data.parentId() == null) {
				throw PlatformException.invalid(new ArrayList<>(List.of(new FieldProblem("parentId", "identity.org-unit.parent-required"))));
			}
			scope.require(data.parentId());
			boolean cycle = jdbc.sql("""
					with recursive below(id) as (select cast(:id as uuid) union
					  select o.id from identity_org_unit o join below b on o.parent_id = b.id)
					select exists (select 1 from below where id = :parent)""").param("id", id).param("parent", data.parentId())
				.query(Boolean.class).single();
			if (cycle) {
				throw PlatformException.conflict("identity.org-unit-cycle");
			}
		}
		LocalDate from = data.validFrom() == null ? before.validFrom() : data.validFrom();
		checkDates(from, data.validTo());
		if (data.validTo() != null && !data.validTo().equals(before.validTo())) {
			checkClosable(id, data.validTo());
		}
		jdbc.sql("""
				update identity_org_unit set name = :name, name_en = :nameEn, type = :type, parent_id = :parent,
				  valid_from = :from, valid_to = :to, sort_order = :sort where id = :id""")
			.param("name", data.name().trim()).param("nameEn", blankToNull(data.nameEn())).param("type", data.type())
			.param("parent", data.parentId()).param("from", from).param("to", data.validTo())
			.param("sort", data.sortOrder() == null ? before.sortOrder() : data.sortOrder()).param("id", id).update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", data.name());
		details.put("type", data.type());
		details.put("moved", moved);
		if (!Objects.equals(data.validTo(), before.validTo())) {
			details.put("validTo", String.valueOf(data.validTo()));
		}
		audit.record("identity.org-unit.changed", "org-unit:" + before.code(), details);
	}

	/**
	 * Closes the unit at {@code until}.
	 * @throws PlatformException 409 while a sub-unit is open or a person still belongs to it or holds a position in it
	 */
	@Transactional
	public void close(UUID id, LocalDate until, Scope scope) {
		scope.require(id);
		Stored unit = byId(id).orElseThrow(() -> PlatformException.notFound("org-unit", id));
		checkDates(unit.validFrom(), until);
		checkClosable(id, until);
		jdbc.sql("update identity_org_unit set valid_to = :until where id = :id").param("until", until).param("id", id).update();
		audit.record("identity.org-unit.closed", "org-unit:" + unit.code(), Map.of("validTo", until.toString()));
	}

	private void checkClosable(UUID id, LocalDate until) {
		boolean openChildren = jdbc.sql("""
				select exists (select 1 from identity_org_unit where parent_id = :id and (valid_to is null or valid_to > :until))""")
			.param("id", id).param("until", until).query(Boolean.class).single();
		if (openChildren) {
			throw PlatformException.conflict("identity.org-unit-open-children");
		}
		long affiliations = jdbc.sql("""
				select count(*) from identity_affiliation where org_unit_id = :id and status in ('ACTIVE', 'SUSPENDED')
				  and (end_date is null or end_date > :until)""").param("id", id).param("until", until).query(Long.class).single();
		long positions = jdbc.sql("""
				select count(*) from identity_position where org_unit_id = :id and (end_date is null or end_date > :until)""")
			.param("id", id).param("until", until).query(Long.class).single();
		if (affiliations > 0 || positions > 0) {
			throw PlatformException.conflict("identity.org-unit-in-use", affiliations, positions);
		}
	}

	private static void checkDates(LocalDate from, LocalDate to) {
		if (to != null && from != null && to.isBefore(from)) {
			throw PlatformException.invalid(new ArrayList<>(List.of(new FieldProblem("validTo", "identity.org-unit.end-before-start"))));
		}
	}

	private Optional<Stored> find(String condition, Object value) {
		return jdbc.sql("select id, code, parent_id, valid_from, valid_to, sort_order from identity_org_unit where " + condition)
			.param("v", value)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getObject("parent_id", UUID.class), rs.getObject("valid_from", LocalDate.class),
					rs.getObject("valid_to", LocalDate.class), rs.getInt("sort_order")))
			.optional();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
