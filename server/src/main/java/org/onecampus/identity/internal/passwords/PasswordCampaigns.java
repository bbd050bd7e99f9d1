package org.onecampus.identity.internal.passwords;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.internal.org.AdminScope.Scope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Weak-password campaigns, their targets (fixed at launch) and live progress. A target is fixed
 * once its account is no longer flagged weak (a password change clears the flag; the next sign-in
 * scores the new password), still weak otherwise, and forced when the deadline passed while weak.
 * An administrator limited to part of the org tree sees only campaigns whose units lie inside it.
 */
@Repository
class PasswordCampaigns {

	static final String STATUS_DRAFT = "DRAFT";

	static final String STATUS_LAUNCHED = "LAUNCHED";

	static final String STATUS_CLOSED = "CLOSED";

	static final String STATUS_CANCELLED = "CANCELLED";

	private static final String COLUMNS = """
			c.id, c.title, c.title_en, c.notice, c.all_weak, c.deadline, c.reminder_days, c.status, c.created_by,
			c.created_at, c.launched_by, c.launched_at, c.closed_at, c.cancelled_by, c.cancelled_at,
			(select count(*) from identity_password_campaign_target t where t.campaign_id = c.id) as targeted,
			(select count(*) from identity_password_campaign_target t where t.campaign_id = c.id and t.notified_at is not null) as notified,
			(select count(*) from identity_password_campaign_target t join identity_account a on a.id = t.account_id
			  where t.campaign_id = c.id and not a.password_weak) as fixed,
			(select count(*) from identity_password_campaign_target t where t.campaign_id = c.id and t.forced_at is not null) as forced
			""";

	private final JdbcClient jdbc;

	PasswordCampaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Counts over a campaign's targets; {@code stillWeak} is {@code targeted - fixed}. */
	record Progress(int targeted, int notified, int fixed, int stillWeak, int forced) {

		static Progress of(int targeted, int notified, int fixed, int forced) {
			return new Progress(targeted, notified, fixed, targeted - fixed, forced);
		}
	}

	record Unit(UUID id, String code, String name, String nameEn) {
	}

	/**
	 * @param orgUnits the units chosen, empty for all weak accounts
	 * @param launchedAt null until launched; likewise the other lifecycle times and names
	 */
	record Campaign(UUID id, String title, String titleEn, String notice, boolean allWeak, List<Unit> orgUnits,
			Instant deadline, List<Integer> reminderDays, String status, String createdBy, Instant createdAt,
			String launchedBy, Instant launchedAt, Instant closedAt, String cancelledBy, Instant cancelledAt,
			Progress progress) {
	}

	record DepartmentProgress(UUID orgUnitId, String code, String name, String nameEn, Progress progress) {
	}

	/** One target as the export lists it. */
	record TargetRow(String departmentCode, String department, String username, String name, boolean fixed,
			Instant notifiedAt, int reminders, Instant forcedAt, Instant passwordChangedAt) {
	}

	/**
	 * @param scopeUnits the units covered with their sub-units, or null for the whole university
	 */
	void insert(UUID id, CampaignForm form, List<UUID> scopeUnits, String createdBy) {
		jdbc.sql("""
				insert into identity_password_campaign (id, title, title_en, notice, all_weak, scope_units, deadline,
				  reminder_days, status, created_by)
				values (:id, :title, :titleEn, :notice, :allWeak, cast(:units as uuid[]), :deadline, cast(:days as int[]), 'DRAFT', :by)""")
			.param("id", id).param("title", form.title().strip()).param("titleEn", form.titleEn().strip())
			.param("notice", form.notice().strip()).param("allWeak", form.allWeak())
			.param("units", scopeUnits == null ? null : arrayLiteral(scopeUnits))
			.param("deadline", at(form.deadline())).param("days", arrayLiteral(form.reminderDaysOrEmpty()))
			.param("by", createdBy).update();
		for (UUID unit : form.orgUnitIdsOrEmpty()) {
			jdbc.sql("insert into identity_password_campaign_unit (campaign_id, org_unit_id) values (:c, :u) on conflict do nothing")
				.param("c", id).param("u", unit).update();
		}
	}

	List<Campaign> list(Scope scope) {
		return visible(jdbc.sql("select " + COLUMNS + " from identity_password_campaign c where " + visibleTo(scope)
				+ " order by c.created_at desc"), scope)
			.query(this::campaign).list();
	}

	/** @return the campaign when it exists and the scope sees it */
	Optional<Campaign> find(UUID id, Scope scope) {
		return visible(jdbc.sql("select " + COLUMNS + " from identity_password_campaign c where c.id = :id and "
				+ visibleTo(scope)).param("id", id), scope)
			.query(this::campaign).optional();
	}

	/** Locks the campaign row for a state change; null when absent. */
	String lockStatus(UUID id) {
		return jdbc.sql("select status from identity_password_campaign where id = :id for update").param("id", id)
			.query(String.class).optional().orElse(null);
	}

	/** Fixes the targets: weak, enabled accounts in the campaign's units (any of the person's affiliations). */
	int addTargets(UUID id) {
		return jdbc.sql(WeakPasswordReport.DEPARTMENTS + """
				insert into identity_password_campaign_target (campaign_id, account_id, person_id, department_id)
				select c.id, a.id, a.person_id, coalesce(d.unit_id, (select id from root))
				from identity_password_campaign c
				join identity_account a on a.password_weak and a.enabled
				left join department d on d.account_id = a.id
				where c.id = :id and (c.scope_units is null or exists (
				  select 1 from identity_affiliation f where f.person_id = a.person_id and f.org_unit_id = any (c.scope_units)))
				on conflict do nothing""")
			.param("id", id).update();
	}

	/** Marks the targets told at launch. @return their person ids */
	List<UUID> markNotified(UUID id) {
		return jdbc.sql("""
				update identity_password_campaign_target set notified_at = now() where campaign_id = :id
				returning person_id""").param("id", id).query(UUID.class).list();
	}

	void launched(UUID id, String by) {
		jdbc.sql("update identity_password_campaign set status = 'LAUNCHED', launched_by = :by, launched_at = now() where id = :id")
			.param("id", id).param("by", by).update();
	}

	void cancelled(UUID id, String by) {
		jdbc.sql("update identity_password_campaign set status = 'CANCELLED', cancelled_by = :by, cancelled_at = now() where id = :id")
			.param("id", id).param("by", by).update();
	}

	/**
	 * Records reminder rounds as sent.
	 * @return how many of {@code days} were not recorded before
	 */
	int recordReminderRounds(UUID id, List<Integer> days, int recipients) {
		int added = 0;
		for (int day : days) {
			added += jdbc.sql("""
					insert into identity_password_campaign_reminder (campaign_id, days_before, recipients)
					values (:id, :day, :recipients) on conflict do nothing""")
				.param("id", id).param("day", day).param("recipients", recipients).update();
		}
		return added;
	}

	/** Counts a reminder for the targets still weak. @return their person ids */
	List<UUID> remindStillWeak(UUID id) {
		return jdbc.sql("""
				update identity_password_campaign_target t set reminders = reminders + 1
				from identity_account a where a.id = t.account_id and t.campaign_id = :id and a.password_weak
				returning t.person_id""").param("id", id).query(UUID.class).list();
	}

	/**
	 * Makes the targets still weak change their password at their next sign-in, notes it on each
	 * target and closes the campaign.
	 * @return the persons forced
	 */
	List<UUID> forceStillWeak(UUID id) {
		List<UUID> accounts = jdbc.sql("""
				update identity_account a set must_change_password = true
				from identity_password_campaign_target t
				where t.account_id = a.id and t.campaign_id = :id and a.password_weak returning a.id""")
			.param("id", id).query(UUID.class).list();
		List<UUID> persons = accounts.isEmpty() ? List.of() : jdbc.sql("""
				update identity_password_campaign_target set forced_at = now()
				where campaign_id = :id and account_id in (:accounts) returning person_id""")
			.param("id", id).param("accounts", accounts).query(UUID.class).list();
		jdbc.sql("update identity_password_campaign set status = 'CLOSED', closed_at = now() where id = :id")
			.param("id", id).update();
		return persons;
	}

	/** Launched campaigns with their deadline and reminder days, the scheduled job's work list. */
	List<UUID> launchedIds() {
		return jdbc.sql("select id from identity_password_campaign where status = 'LAUNCHED' order by deadline")
			.query(UUID.class).list();
	}

	/** Locks a launched campaign unless another node holds it. */
	Optional<Campaign> lockLaunched(UUID id) {
		return jdbc.sql("""
				select id from identity_password_campaign where id = :id and status = 'LAUNCHED' for update skip locked""")
			.param("id", id).query(UUID.class).optional()
			.flatMap(locked -> find(locked, Scope.WHOLE_UNIVERSITY));
	}

	List<DepartmentProgress> byDepartment(UUID id) {
		return jdbc.sql("""
				select o.id, o.code, o.name, o.name_en, count(*) as targeted, count(t.notified_at) as notified,
				       count(*) filter (where not a.password_weak) as fixed, count(t.forced_at) as forced
				from identity_password_campaign_target t join identity_account a on a.id = t.account_id
				join identity_org_unit o on o.id = t.department_id
				where t.campaign_id = :id
				group by o.id, o.code, o.name, o.name_en, o.sort_order
				order by count(*) filter (where a.password_weak) desc, o.sort_order, o.code""")
			.param("id", id)
			.query((rs, n) -> new DepartmentProgress(rs.getObject("id", UUID.class), rs.getString("code"),
					rs.getString("name"), rs.getString("name_en"), Progress.of(rs.getInt("targeted"),
							rs.getInt("notified"), rs.getInt("fixed"), rs.getInt("forced"))))
			.list();
	}

	List<TargetRow> targets(UUID id) {
		return jdbc.sql("""
				select o.code, o.name as department, a.username, p.name, not a.password_weak as fixed, t.notified_at,
				       t.reminders, t.forced_at, a.password_changed_at
				from identity_password_campaign_target t join identity_account a on a.id = t.account_id
				join identity_person p on p.id = t.person_id join identity_org_unit o on o.id = t.department_id
				where t.campaign_id = :id order by o.sort_order, o.code, a.username""")
			.param("id", id)
			.query((rs, n) -> new TargetRow(rs.getString("code"), rs.getString("department"), rs.getString("username"),
					rs.getString("name"), rs.getBoolean("fixed"), instant(rs, "notified_at"), rs.getInt("reminders"),
					instant(rs, "forced_at"), instant(rs, "password_changed_at")))
			.list();
	}

	private Campaign campaign(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Unit> units = jdbc.sql("""
				select o.id, o.code, o.name, o.name_en from identity_password_campaign_unit u
				join identity_org_unit o on o.id = u.org_unit_id where u.campaign_id = :id order by o.sort_order, o.code""")
			.param("id", id)
			.query((u, i) -> new Unit(u.getObject("id", UUID.class), u.getString("code"), u.getString("name"),
					u.getString("name_en")))
			.list();
		Array days = rs.getArray("reminder_days");
		List<Integer> reminderDays = days == null ? List.of() : Arrays.stream((Integer[]) days.getArray()).toList();
		return new Campaign(id, rs.getString("title"), rs.getString("title_en"), rs.getString("notice"),
				rs.getBoolean("all_weak"), units, instant(rs, "deadline"), reminderDays, rs.getString("status"),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getString("launched_by"),
				instant(rs, "launched_at"), instant(rs, "closed_at"), rs.getString("cancelled_by"),
				instant(rs, "cancelled_at"), Progress.of(rs.getInt("targeted"), rs.getInt("notified"),
						rs.getInt("fixed"), rs.getInt("forced")));
	}

	/** Whole-university administrators see every campaign; the others those inside their units. */
	private static String visibleTo(Scope scope) {
		if (scope.whole()) {
			return "true";
		}
		if (scope.units().isEmpty()) {
			return "false";
		}
		return "c.scope_units is not null and c.scope_units <@ cast(:scopeUnits as uuid[])";
	}

	private static JdbcClient.StatementSpec visible(JdbcClient.StatementSpec statement, Scope scope) {
		return scope.whole() || scope.units().isEmpty() ? statement
				: statement.param("scopeUnits", arrayLiteral(List.copyOf(scope.units())));
	}

	/** A PostgreSQL array literal such as <code>{1,2}</code>, cast in the statement. */
	static String arrayLiteral(List<?> values) {
		return values.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
