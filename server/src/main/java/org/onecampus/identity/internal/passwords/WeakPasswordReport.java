package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-password report: accounts per department (the college or office above each person's
 * primary affiliation) with how many had their password scored at sign-in and how many were weak,
 * today and as a daily trend. The seed's "659 → 38" is the weak count over time. A department
 * administrator sees only the accounts and departments of their subtree.
 */
@Repository
class WeakPasswordReport {

	static final ZoneId CAMPUS_ZONE = ZoneId.of("Asia/Shanghai");

	/**
	 * Each account's department: walk up from its primary affiliation's unit to the nearest college
	 * or office; accounts with neither fall under the root of the tree.
	 */
	static final String DEPARTMENTS = """
			with recursive home as (
			  select distinct on (a.id) a.id as account_id, f.org_unit_id
			  from identity_account a join identity_affiliation f on f.person_id = a.person_id
			  order by a.id, f.is_primary desc, (f.status = 'ACTIVE') desc, f.start_date desc
			), up as (
			  select h.account_id, o.id as unit_id, o.type, o.parent_id, 0 as depth
			  from home h join identity_org_unit o on o.id = h.org_unit_id
			  union all
			  select up.account_id, p.id, p.type, p.parent_id, up.depth + 1
			  from up join identity_org_unit p on p.id = up.parent_id
			  where up.type not in ('COLLEGE', 'OFFICE')
			), department as (
			  select distinct on (account_id) account_id,
			         case when type in ('COLLEGE', 'OFFICE') then unit_id end as unit_id
			  from up order by account_id, (type in ('COLLEGE', 'OFFICE')) desc, depth
			), root as (
			  select id from identity_org_unit where parent_id is null order by sort_order, code limit 1
			)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	WeakPasswordReport(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record DepartmentCount(UUID orgUnitId, String code, String name, String nameEn, int accounts, int scored, int weak) {
	}

	record DayCount(LocalDate day, int accounts, int scored, int weak) {
	}

	record WeakAccount(String username, String name, String departmentCode, String departmentName, int score,
			Instant scoredAt) {
	}

	/** Every department of the university (for the daily snapshot). */
	List<DepartmentCount> byDepartment() {
		return byDepartment(Scope.WHOLE_UNIVERSITY);
	}

	/** The departments of the accounts whose person has an affiliation in {@code scope}. */
	List<DepartmentCount> byDepartment(Scope scope) {
		return scope.bind(jdbc.sql(DEPARTMENTS + """
				select o.id, o.code, o.name, o.name_en, count(*) as accounts,
				       count(a.password_scored_at) as scored, count(*) filter (where a.password_weak) as weak
				from identity_account a
				left join department d on d.account_id = a.id
				join identity_org_unit o on o.id = coalesce(d.unit_id, (select id from root))
				where """ + " " + scope.personCondition("a.person_id") + "\n" + """
				group by o.id, o.code, o.name, o.name_en, o.sort_order
				order by weak desc, o.sort_order, o.code"""))
			.query((rs, n) -> new DepartmentCount(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getString("name"), rs.getString("name_en"), rs.getInt("accounts"), rs.getInt("scored"),
					rs.getInt("weak")))
			.list();
	}

	/** The weak accounts whose person has an affiliation in {@code scope}. */
	List<WeakAccount> weakAccounts(Scope scope) {
		return scope.bind(jdbc.sql(DEPARTMENTS + """
				select a.username, p.name, o.code, o.name as department, a.password_score, a.password_scored_at
				from identity_account a join identity_person p on p.id = a.person_id
				left join department d on d.account_id = a.id
				join identity_org_unit o on o.id = coalesce(d.unit_id, (select id from root))
				where a.password_weak and """ + " " + scope.personCondition("a.person_id") + "\n" + """
				order by o.sort_order, o.code, a.username"""))
			.query((rs, n) -> new WeakAccount(rs.getString("username"), rs.getString("name"), rs.getString("code"),
					rs.getString("department"), rs.getInt("password_score"),
					rs.getObject("password_scored_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Totals per day over the last {@code days} days, oldest first; days without a snapshot are left out.
	 * Snapshots are kept per department, so a restricted scope sums the departments inside it.
	 */
	List<DayCount> trend(int days, Scope scope) {
		LocalDate today = LocalDate.now(clock.withZone(CAMPUS_ZONE));
		String inScope = scope.whole() ? "true" : scope.units().isEmpty() ? "false" : "org_unit_id in (:scopeUnits)";
		return scope.bind(jdbc.sql("""
				select day, sum(accounts) as accounts, sum(scored) as scored, sum(weak) as weak
				from identity_password_snapshot where day > :since and """ + " " + inScope + "\n" + """
				group by day order by day"""))
			.param("since", today.minusDays(days))
			.query((rs, n) -> new DayCount(rs.getObject("day", LocalDate.class), rs.getInt("accounts"),
					rs.getInt("scored"), rs.getInt("weak")))
			.list();
	}

	/** Takes (or retakes) today's snapshot; every node may run it, the last write wins. */
	@Transactional
	@Scheduled(cron = "0 55 23 * * *", zone = "Asia/Shanghai")
	public void snapshot() {
		LocalDate today = LocalDate.now(clock.withZone(CAMPUS_ZONE));
		jdbc.sql("delete from identity_password_snapshot where day = :day").param("day", today).update();
		for (DepartmentCount count : byDepartment()) {
			jdbc.sql("""
					insert into identity_password_snapshot (day, org_unit_id, accounts, scored, weak)
					values (:day, :unit, :accounts, :scored, :weak)""")
				.param("day", today).param("unit", count.orgUnitId()).param("accounts", count.accounts())
				.param("scored", count.scored()).param("weak", count.weak()).update();
		}
	}
}
