package org.onecampus.identity.internal.passwords;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.onecampus.kernel.OneCampusProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: the weak-password story of the seed (659 weak passwords before the upgrade, 38
 * after). Flags {@link #WEAK_NOW} demo accounts as weak (as a sign-in's score would have; their password
 * stays the demo password, so signing in as one of them scores it again and clears the flag), one or two
 * per department, taken from the middle of the roster (40–70 % by username) where tests do not pick people; and writes
 * {@link #HISTORY_DAYS} days of daily snapshots per department: about 660 weak accounts until a campaign
 * starts {@link #CAMPAIGN_DAYS_AGO} days ago, then falling to 38. Runs once, after the demo university is
 * loaded, when no snapshot exists yet.
 */
@Component
@Order(20)
class DemoWeakPasswords implements ApplicationRunner {

	static final int WEAK_BEFORE = 659;

	static final int WEAK_NOW = 38;

	static final int HISTORY_DAYS = 60;

	static final int CAMPAIGN_DAYS_AGO = 29;

	/** Days the campaign and its reminders took to bring the count down to {@link #WEAK_NOW}. */
	static final int CAMPAIGN_LENGTH = 26;

	private final OneCampusProperties properties;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoWeakPasswords(OneCampusProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	record Department(UUID id, int accounts) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!properties.demo().enabled()
				|| jdbc.sql("select exists (select 1 from identity_password_snapshot)").query(Boolean.class).single()
				|| jdbc.sql("select count(*) from identity_account where username ~ '^[0-9]+$'").query(Long.class).single() < 1000) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			flagWeakAccounts();
			writeHistory();
		});
	}

	/**
	 * Spreads the weak accounts over the departments, round-robin, from the middle of the roster. The choice
	 * depends only on the usernames, so running it again flags the same accounts.
	 * @return how many accounts it flagged
	 */
	int flagWeakAccounts() {
		return jdbc.sql(WeakPasswordReport.DEPARTMENTS + """
				, roster as (
				  select a.id, a.username, row_number() over (order by a.username) as position, count(*) over () as total
				  from identity_account a where a.username ~ '^[0-9]+$' and a.enabled and not a.must_change_password
				), candidates as (
				  select r.id, row_number() over (partition by coalesce(d.unit_id, (select id from root))
				                                  order by md5(r.username)) as turn, md5(r.username) as shuffle
				  from roster r left join department d on d.account_id = r.id
				  where r.position between r.total * 0.4 and r.total * 0.7
				), chosen as (
				  select id from candidates order by turn, shuffle limit :count
				)
				update identity_account a set password_weak = true,
				  password_score = (abs(hashtext(a.username)) % 2),
				  password_scored_at = now() - make_interval(days => 1 + abs(hashtext(a.username)) % 40)
				where a.id in (select id from chosen)""")
			.param("count", WEAK_NOW)
			.update();
	}

	/** Daily snapshots up to yesterday, the total split over the departments by their number of accounts. */
	private void writeHistory() {
		List<Department> departments = jdbc.sql(WeakPasswordReport.DEPARTMENTS + """
				select coalesce(d.unit_id, (select id from root)) as unit, count(*) as accounts
				from identity_account a left join department d on d.account_id = a.id
				group by 1 order by 2 desc, 1""")
			.query((rs, n) -> new Department(rs.getObject("unit", UUID.class), rs.getInt("accounts")))
			.list();
		int total = departments.stream().mapToInt(Department::accounts).sum();
		LocalDate today = LocalDate.now(clock.withZone(WeakPasswordReport.CAMPUS_ZONE));
		for (int ago = HISTORY_DAYS; ago >= 1; ago--) {
			int weak = weakTotal(ago);
			double scoredShare = 0.55 + 0.35 * (HISTORY_DAYS - ago) / HISTORY_DAYS;
			List<Integer> split = split(weak, departments, total);
			for (int i = 0; i < departments.size(); i++) {
				Department department = departments.get(i);
				int scored = Math.max(split.get(i), (int) Math.round(department.accounts() * scoredShare));
				jdbc.sql("""
						insert into identity_password_snapshot (day, org_unit_id, accounts, scored, weak, taken_at)
						values (:day, :unit, :accounts, :scored, :weak, cast(:day as date) + time '23:55')""")
					.param("day", today.minusDays(ago)).param("unit", department.id())
					.param("accounts", department.accounts()).param("scored", scored).param("weak", split.get(i))
					.update();
			}
		}
	}

	/** The university's weak count {@code ago} days before today. */
	static int weakTotal(int ago) {
		if (ago > CAMPAIGN_DAYS_AGO) {
			// Before the campaign: a little day-to-day movement around the seed's figure.
			return WEAK_BEFORE + (int) Math.round(6 * Math.sin(ago * 1.7));
		}
		double progress = Math.min(1.0, (CAMPAIGN_DAYS_AGO - ago) / (double) CAMPAIGN_LENGTH);
		return (int) Math.round(WEAK_NOW + (WEAK_BEFORE - WEAK_NOW) * Math.pow(1 - progress, 2));
	}

	/** Splits {@code weak} in proportion to the departments' accounts; the parts add up to {@code weak}. */
	static List<Integer> split(int weak, List<Department> departments, int total) {
		List<Integer> parts = new ArrayList<>();
		int assigned = 0;
		for (Department department : departments) {
			int part = (int) Math.floor((double) weak * department.accounts() / total);
			parts.add(part);
			assigned += part;
		}
		for (int i = 0; assigned < weak; i = (i + 1) % parts.size()) {
			parts.set(i, parts.get(i) + 1);
			assigned++;
		}
		return parts;
	}
}
