package org.onecampus.identity.internal.org;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which part of the org tree an administrator may act on with a permission: the whole university
 * when a role granting it is assigned without a scope, otherwise the subtrees below the scope org
 * units of the roles that grant it. Everything outside is answered as not found.
 */
@Component
public class AdminScope {

	private final JdbcClient jdbc;

	AdminScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the scope of {@code user} for {@code permission}; never null */
	public Scope of(CampusUser user, String permission) {
		List<UUID> roots = jdbc.sql("""
				select ar.scope_org_unit_id from identity_account_role ar
				join identity_role_permission rp on rp.role_code = ar.role_code
				where ar.account_id = :account and rp.permission = :permission""")
			.param("account", user.accountId()).param("permission", permission)
			.query((rs, n) -> rs.getObject(1, UUID.class)).list();
		if (roots.stream().anyMatch(java.util.Objects::isNull)) {
			return Scope.WHOLE_UNIVERSITY;
		}
		if (roots.isEmpty()) {
			return new Scope(false, Set.of());
		}
		return new Scope(false, new HashSet<>(jdbc.sql("""
				with recursive tree(id) as (
				  select id from identity_org_unit where id in (:roots)
				  union select o.id from identity_org_unit o join tree t on o.parent_id = t.id)
				select id from tree""").param("roots", roots).query(UUID.class).list()));
	}

	/**
	 * @param whole the whole university
	 * @param units the org units in scope when not {@code whole}; never null
	 */
	public record Scope(boolean whole, Set<UUID> units) {

		public static final Scope WHOLE_UNIVERSITY = new Scope(true, Set.of());

		public Scope {
			units = Set.copyOf(units);
		}

		public boolean covers(UUID orgUnitId) {
			return whole || units.contains(orgUnitId);
		}

		/** @throws PlatformException 404 when the unit is outside the scope */
		public void require(UUID orgUnitId) {
			if (orgUnitId == null || !covers(orgUnitId)) {
				throw PlatformException.notFound("org-unit", orgUnitId);
			}
		}

		/**
		 * A SQL condition that a person (column {@code personColumn}) has an affiliation in scope;
		 * binds {@code :scopeUnits} when restricted (see {@link #bind}).
		 */
		public String personCondition(String personColumn) {
			if (whole) {
				return "true";
			}
			if (units.isEmpty()) {
				return "false";
			}
			return "exists (select 1 from identity_affiliation sa where sa.person_id = " + personColumn
					+ " and sa.org_unit_id in (:scopeUnits))";
		}

		/** Binds the parameter of {@link #personCondition} when it needs one. */
		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			return whole || units.isEmpty() ? statement : statement.param("scopeUnits", units);
		}
	}
}
