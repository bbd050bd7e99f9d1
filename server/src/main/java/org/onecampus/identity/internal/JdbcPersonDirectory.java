package org.onecampus.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.PersonDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link PersonDirectory} over the identity tables. */
@Service
@Transactional(readOnly = true)
class JdbcPersonDirectory implements PersonDirectory {

	private static final String CONTACT = """
			select p.id, a.username, p.name, p.name_en, p.email, p.phone, a.locale
			from identity_person p left join identity_account a on a.person_id = p.id
			""";

	private final JdbcClient jdbc;

	JdbcPersonDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Contact> contact(UUID personId) {
		return jdbc.sql(CONTACT + " where p.id = ?").param(personId).query(this::contactRow).optional();
	}

	@Override
	public List<Contact> contacts(Collection<UUID> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(CONTACT + " where p.id = any(?)").param(personIds.toArray(UUID[]::new)).query(this::contactRow).list();
	}

	@Override
	public Optional<UUID> personIdByUsername(String username) {
		return jdbc.sql("select person_id from identity_account where lower(username) = lower(?)")
			.param(username.trim())
			.query(UUID.class)
			.optional();
	}

	@Override
	public Optional<UUID> personIdByIdentifier(String identifier) {
		return jdbc.sql("""
				select person_id from identity_affiliation where lower(identifier) = lower(?) and status = 'ACTIVE'
				  and (end_date is null or end_date >= current_date) limit 1""")
			.param(identifier.trim())
			.query(UUID.class)
			.optional();
	}

	@Override
	public Set<UUID> personIdsByName(String fragment, int limit) {
		if (fragment == null || fragment.isBlank()) {
			return Set.of();
		}
		String like = "%" + likeEscaped(fragment.trim().toLowerCase(Locale.ROOT)) + "%";
		return new LinkedHashSet<>(jdbc.sql("""
				select id from identity_person where lower(name) like ? or lower(coalesce(name_en, '')) like ? limit ?""")
			.param(like).param(like).param(limit)
			.query(UUID.class)
			.list());
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	@Override
	public Resolution resolve(Audience audience) {
		Set<UUID> persons = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String username : audience.usernames()) {
			jdbc.sql("select a.person_id from identity_account a where lower(a.username) = lower(?) and a.enabled")
				.param(username.trim()).query(UUID.class).optional()
				.ifPresentOrElse(persons::add, () -> unknown.add("usernames:" + username));
		}
		for (String code : audience.orgUnits()) {
			if (!exists("select 1 from identity_org_unit where code = ?", code)) {
				unknown.add("orgUnits:" + code);
				continue;
			}
			String units = audience.includeSubUnits() ? """
					with recursive tree as (select id from identity_org_unit where code = :code
					  union all select o.id from identity_org_unit o join tree t on o.parent_id = t.id)
					select id from tree""" : "select id from identity_org_unit where code = :code";
			persons.addAll(jdbc.sql("with units as (" + units + ") "
					+ "select p.id from identity_person p where (exists (select 1 from identity_affiliation f join units u on u.id = f.org_unit_id"
					+ " where f.person_id = p.id and f.status = 'ACTIVE' and (f.end_date is null or f.end_date >= current_date))"
					+ " or exists (select 1 from identity_position s join units u on u.id = s.org_unit_id"
					+ " where s.person_id = p.id and (s.end_date is null or s.end_date >= current_date)))")
				.param("code", code).query(UUID.class).list());
		}
		for (String position : audience.positions()) {
			String[] parts = position.split("@", 2);
			String kind = parts[0].trim().toUpperCase(Locale.ROOT);
			List<UUID> holders = parts.length == 1
					? jdbc.sql("select distinct person_id from identity_position where kind = ? and (end_date is null or end_date >= current_date)")
						.param(kind).query(UUID.class).list()
					: jdbc.sql("""
							select distinct s.person_id from identity_position s join identity_org_unit o on o.id = s.org_unit_id
							where s.kind = ? and o.code = ? and (s.end_date is null or s.end_date >= current_date)""")
						.params(kind, parts[1].trim()).query(UUID.class).list();
			if (holders.isEmpty()) {
				unknown.add("positions:" + position);
			}
			persons.addAll(holders);
		}
		for (String role : audience.roles()) {
			if (!exists("select 1 from identity_role where code = ?", role)) {
				unknown.add("roles:" + role);
				continue;
			}
			persons.addAll(jdbc.sql("""
					select distinct a.person_id from identity_account_role r join identity_account a on a.id = r.account_id
					where r.role_code = ? and a.enabled""").param(role).query(UUID.class).list());
		}
		for (String type : audience.affiliationTypes()) {
			List<UUID> members = jdbc.sql("""
					select distinct f.person_id from identity_affiliation f where f.type = ? and f.status = 'ACTIVE'
					and (f.end_date is null or f.end_date >= current_date)""")
				.param(type.trim().toUpperCase(Locale.ROOT)).query(UUID.class).list();
			if (members.isEmpty() && !KNOWN_AFFILIATION_TYPES.contains(type.trim().toUpperCase(Locale.ROOT))) {
				unknown.add("affiliationTypes:" + type);
			}
			persons.addAll(members);
		}
		return new Resolution(Set.copyOf(persons), List.copyOf(unknown));
	}

	static final Set<String> KNOWN_AFFILIATION_TYPES = Set.of("UNDERGRADUATE", "POSTGRADUATE", "PHD", "FACULTY", "STAFF",
			"CONTRACTOR", "VISITING_SCHOLAR", "SERVICE_STAFF", "VISITOR", "ALUMNUS", "PARENT");

	private boolean exists(String sql, String value) {
		return jdbc.sql(sql).param(value.trim()).query(Integer.class).optional().isPresent();
	}

	private Contact contactRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("name"),
				rs.getString("name_en"), rs.getString("email"), rs.getString("phone"), rs.getString("locale"));
	}
}
