package org.onecampus.identity.internal.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The campus phone book without the phone: people with a current campus affiliation (not visitors,
 * parents or alumni) by name prefix or exact 学号/工号, and the current org tree. Every signed-in
 * member may use it; administrators manage people through the people API instead.
 */
@RestController
@Validated
class DirectoryController {

	static final String BASE = "/api/v1/identity/directory";

	/** Kinds of affiliation that are not listed in the directory. */
	private static final List<String> UNLISTED = List.of("VISITOR", "PARENT", "ALUMNUS");

	private static final String PERSON_COLUMNS = """
			select p.id, p.name, p.name_en, a.identifier, a.type, u.id as unit_id, u.name as unit_name,
			       u.name_en as unit_name_en
			from identity_person p
			join lateral (select * from identity_affiliation a
			              where a.person_id = p.id and a.status = 'ACTIVE' and a.type not in (:unlisted)
			                and (a.end_date is null or a.end_date >= :today)
			              order by a.is_primary desc, a.start_date limit 1) a on true
			join identity_org_unit u on u.id = a.org_unit_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	DirectoryController(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param q a name prefix (one character or more) or an exact 学号/工号
	 * @param orgUnitId only people whose listed affiliation is in this unit or below it
	 */
	@GetMapping(BASE + "/people")
	@PreAuthorize("hasAuthority('identity:directory:read')")
	List<DirectoryPerson> people(@RequestParam @NotBlank @Size(max = 64) String q,
			@RequestParam(required = false) UUID orgUnitId, @RequestParam(required = false) @Size(max = 32) String affiliationType,
			@RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
		String text = q.strip();
		return jdbc.sql(PERSON_COLUMNS + """
				where (p.name like :prefix escape '\\' or lower(coalesce(p.name_en, '')) like lower(:prefix) escape '\\'
				       or exists (select 1 from identity_affiliation x where x.person_id = p.id and x.identifier = :q))
				  and (cast(:type as varchar) is null or a.type = :type)
				  and (cast(:unit as uuid) is null or a.org_unit_id in (
				       with recursive tree(id) as (select cast(:unit as uuid)
				         union all select c.id from identity_org_unit c join tree t on c.parent_id = t.id)
				       select id from tree))
				order by (exists (select 1 from identity_affiliation x where x.person_id = p.id and x.identifier = :q)) desc,
				         length(p.name), p.name, a.identifier
				limit :size""")
			.param("unlisted", UNLISTED)
			.param("today", LocalDate.now(clock))
			.param("prefix", escape(text) + "%")
			.param("q", text)
			.param("type", affiliationType)
			.param("unit", orgUnitId)
			.param("size", size)
			.query(DirectoryController::person)
			.list();
	}

	@GetMapping(BASE + "/people/{id}")
	@PreAuthorize("hasAuthority('identity:directory:read')")
	DirectoryPerson person(@PathVariable UUID id) {
		return jdbc.sql(PERSON_COLUMNS + " where p.id = :id")
			.param("unlisted", UNLISTED)
			.param("today", LocalDate.now(clock))
			.param("id", id)
			.query(DirectoryController::person)
			.optional()
			.orElseThrow(() -> PlatformException.notFound("person", id));
	}

	/** The current units under {@code parentId} (the top of the tree without it), for a lazy tree. */
	@GetMapping(BASE + "/org-units")
	@PreAuthorize("hasAuthority('identity:directory:read')")
	List<DirectoryUnit> units(@RequestParam(required = false) UUID parentId) {
		return jdbc.sql("""
				select u.id, u.code, u.name, u.name_en, u.type, u.parent_id,
				       exists (select 1 from identity_org_unit c where c.parent_id = u.id
				               and (c.valid_to is null or c.valid_to >= :today)) as has_children
				from identity_org_unit u
				where (u.valid_to is null or u.valid_to >= :today) and u.valid_from <= :today
				  and (case when cast(:parent as uuid) is null then u.parent_id is null else u.parent_id = :parent end)
				order by u.sort_order, u.code""")
			.param("today", LocalDate.now(clock))
			.param("parent", parentId)
			.query(DirectoryController::unit)
			.list();
	}

	@GetMapping(BASE + "/org-units/{id}")
	@PreAuthorize("hasAuthority('identity:directory:read')")
	DirectoryUnit unit(@PathVariable UUID id) {
		return jdbc.sql("""
				select u.id, u.code, u.name, u.name_en, u.type, u.parent_id,
				       exists (select 1 from identity_org_unit c where c.parent_id = u.id
				               and (c.valid_to is null or c.valid_to >= :today)) as has_children
				from identity_org_unit u where u.id = :id""")
			.param("today", LocalDate.now(clock))
			.param("id", id)
			.query(DirectoryController::unit)
			.optional()
			.orElseThrow(() -> PlatformException.notFound("org-unit", id));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static DirectoryPerson person(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DirectoryPerson(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("name_en"),
				rs.getString("identifier"), rs.getString("type"), rs.getObject("unit_id", UUID.class),
				rs.getString("unit_name"), rs.getString("unit_name_en"));
	}

	private static DirectoryUnit unit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DirectoryUnit(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
				rs.getString("name_en"), rs.getString("type"), rs.getObject("parent_id", UUID.class),
				rs.getBoolean("has_children"));
	}

	/** A person as the directory shows them: no phone, e-mail, birthday or 身份证. */
	record DirectoryPerson(UUID id, String name, String nameEn, String identifier, String affiliationType,
			UUID orgUnitId, String orgUnitName, String orgUnitNameEn) {
	}

	record DirectoryUnit(UUID id, String code, String name, String nameEn, String type, UUID parentId,
			boolean hasChildren) {
	}
}
