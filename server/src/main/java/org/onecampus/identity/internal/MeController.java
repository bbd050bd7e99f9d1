package org.onecampus.identity.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: who the signed-in person is and what they may do. */
@RestController
class MeController {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	MeController(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	@PreAuthorize("isAuthenticated()")
	Me me(@AuthenticationPrincipal CampusUser user) {
		if (user == null) {
			// A system client's bearer token (client credentials) acts for no person.
			throw new PlatformException(org.springframework.http.HttpStatus.FORBIDDEN, "auth.person-required");
		}
		var person = jdbc.sql("select name, name_en from identity_person where id = :id")
			.param("id", user.personId())
			.query((rs, n) -> new String[] { rs.getString("name"), rs.getString("name_en") })
			.optional()
			.orElseThrow(() -> PlatformException.notFound("person", user.personId()));
		List<Affiliation> affiliations = jdbc.sql("""
				select a.type, a.identifier, a.status, a.is_primary, a.start_date, a.end_date,
				       o.code, o.name, o.name_en, o.type as org_type
				from identity_affiliation a join identity_org_unit o on o.id = a.org_unit_id
				where a.person_id = :id order by a.is_primary desc, a.start_date""")
			.param("id", user.personId())
			.query((rs, n) -> new Affiliation(rs.getString("type"), rs.getString("identifier"), rs.getString("status"),
					rs.getBoolean("is_primary"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), new OrgUnit(rs.getString("code"), rs.getString("name"),
							rs.getString("name_en"), rs.getString("org_type"))))
			.list();
		List<Position> positions = jdbc.sql("""
				select p.kind, o.code, o.name, o.name_en, o.type as org_type
				from identity_position p join identity_org_unit o on o.id = p.org_unit_id
				where p.person_id = :id and (p.end_date is null or p.end_date >= current_date)
				order by o.sort_order, o.code, p.kind""")
			.param("id", user.personId())
			.query((rs, n) -> new Position(rs.getString("kind"), new OrgUnit(rs.getString("code"), rs.getString("name"),
					rs.getString("name_en"), rs.getString("org_type"))))
			.list();
		Map<String, OrgUnit> units = new LinkedHashMap<>();
		affiliations.stream().filter(a -> "ACTIVE".equals(a.status())).forEach(a -> units.putIfAbsent(a.orgUnit().code(), a.orgUnit()));
		positions.forEach(p -> units.putIfAbsent(p.orgUnit().code(), p.orgUnit()));
		List<Role> roles = jdbc.sql("""
				select r.code, r.name, r.name_en from identity_account_role ar join identity_role r on r.code = ar.role_code
				where ar.account_id = :id order by r.code""")
			.param("id", user.accountId())
			.query((rs, n) -> new Role(rs.getString("code"), rs.getString("name"), rs.getString("name_en")))
			.list();
		String locale = jdbc.sql("select locale from identity_account where id = :id").param("id", user.accountId())
			.query(String.class).optional().orElse(null);
		return new Me(user.personId(), user.getUsername(), person[0], person[1], affiliations, positions,
				List.copyOf(units.values()), roles, accounts.permissions(user.accountId()), locale);
	}

	record Me(UUID personId, String username, String name, String nameEn, List<Affiliation> affiliations,
			List<Position> positions, List<OrgUnit> orgUnits, List<Role> roles, List<String> permissions,
			String locale) {
	}

	record Affiliation(String type, String identifier, String status, boolean primary, LocalDate startDate,
			LocalDate endDate, OrgUnit orgUnit) {
	}

	record Position(String kind, OrgUnit orgUnit) {
	}

	record OrgUnit(String code, String name, String nameEn, String type) {
	}

	record Role(String code, String name, String nameEn) {
	}
}
