package org.onecampus.workflow.internal.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Entry;
import org.onecampus.workflow.internal.calendar.BusinessCalendar.Kind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The business calendars: one default calendar plus named ones. A named calendar uses the default
 * calendar's entries (national holidays, 调休 days, term breaks) and its own; whether term breaks are
 * non-working is a flag of each calendar. Changes are audited.
 */
@Service
public class BusinessCalendars {

	public static final String DEFAULT = "default";

	/** A calendar without its entries. */
	public record CalendarInfo(String code, Map<String, String> name, boolean isDefault, boolean termBreaksOff) {
	}

	/** A calendar with its own entries in date order. */
	public record CalendarView(CalendarInfo calendar, List<Entry> entries) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	BusinessCalendars(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	public List<CalendarInfo> list() {
		return jdbc.sql("select code, name::text as name, is_default, term_breaks_off from workflow_calendar order by is_default desc, code")
			.query((rs, n) -> info(rs.getString("code"), rs.getString("name"), rs.getBoolean("is_default"),
					rs.getBoolean("term_breaks_off")))
			.list();
	}

	public Optional<CalendarInfo> info(String code) {
		return jdbc.sql("select code, name::text as name, is_default, term_breaks_off from workflow_calendar where code = :c")
			.param("c", code)
			.query((rs, n) -> info(rs.getString("code"), rs.getString("name"), rs.getBoolean("is_default"),
					rs.getBoolean("term_breaks_off")))
			.optional();
	}

	public CalendarView view(String code) {
		CalendarInfo info = info(code).orElseThrow(() -> PlatformException.notFound("calendar", code));
		return new CalendarView(info, entries(List.of(code)));
	}

	/**
	 * The calendar for working-time arithmetic: the named one (with the default's entries), or the
	 * default one when {@code code} is null or blank.
	 * @throws PlatformException 404 when no such calendar exists
	 */
	public BusinessCalendar calendar(String code) {
		String wanted = code == null || code.isBlank() ? DEFAULT : code;
		CalendarInfo info = info(wanted).orElseThrow(() -> PlatformException.notFound("calendar", wanted));
		List<String> codes = DEFAULT.equals(wanted) ? List.of(DEFAULT) : List.of(DEFAULT, wanted);
		return new BusinessCalendar(wanted, info.termBreaksOff(), entries(codes));
	}

	@Transactional
	public CalendarInfo create(String code, Map<String, String> name, boolean termBreaksOff) {
		int inserted = jdbc.sql("""
				insert into workflow_calendar (code, name, term_breaks_off) values (:c, cast(:n as jsonb), :t)
				on conflict (code) do nothing""")
			.param("c", code).param("n", json.writeValueAsString(name)).param("t", termBreaksOff).update();
		if (inserted == 0) {
			throw PlatformException.conflict("workflow.calendar-exists", code);
		}
		audit.record("workflow.calendar.create", "workflow-calendar:" + code,
				Map.of("termBreaksOff", termBreaksOff, "name", name));
		return info(code).orElseThrow();
	}

	@Transactional
	public CalendarInfo update(String code, Map<String, String> name, boolean termBreaksOff) {
		int updated = jdbc.sql("update workflow_calendar set name = cast(:n as jsonb), term_breaks_off = :t where code = :c")
			.param("c", code).param("n", json.writeValueAsString(name)).param("t", termBreaksOff).update();
		if (updated == 0) {
			throw PlatformException.notFound("calendar", code);
		}
		audit.record("workflow.calendar.update", "workflow-calendar:" + code,
				Map.of("termBreaksOff", termBreaksOff, "name", name));
		return info(code).orElseThrow();
	}

	/** Adds a date range; a WORKDAY (调休) range must be within one weekend, it makes weekend days working. */
	@Transactional
	public Entry addEntry(String code, Kind kind, LocalDate start, LocalDate end, String name) {
		info(code).orElseThrow(() -> PlatformException.notFound("calendar", code));
		LocalDate last = end == null ? start : end;
		List<FieldProblem> problems = new ArrayList<>();
		if (last.isBefore(start)) {
			problems.add(new FieldProblem("end", "workflow.calendar-range-reversed"));
		}
		else if (start.plusDays(366).isBefore(last)) {
			problems.add(new FieldProblem("end", "workflow.calendar-range-too-long"));
		}
		if (!problems.isEmpty()) {
			throw PlatformException.invalid(problems);
		}
		long id = jdbc.sql("""
				insert into workflow_calendar_entry (calendar_code, kind, start_date, end_date, name)
				values (:c, :k, :s, :e, :n) returning id""")
			.param("c", code).param("k", kind.name()).param("s", start).param("e", last).param("n", name)
			.query(Long.class).single();
		audit.record("workflow.calendar.entry-add", "workflow-calendar:" + code, Map.of("entry", id, "kind", kind.name(),
				"start", start.toString(), "end", last.toString(), "name", name));
		return new Entry(id, kind, start, last, name);
	}

	@Transactional
	public void removeEntry(String code, long id) {
		Entry removed = jdbc.sql("""
				delete from workflow_calendar_entry where calendar_code = :c and id = :id
				returning id, kind, start_date, end_date, name""")
			.param("c", code).param("id", id).query((rs, n) -> entry(rs)).optional()
			.orElseThrow(() -> PlatformException.notFound("calendar entry", id));
		audit.record("workflow.calendar.entry-remove", "workflow-calendar:" + code, Map.of("entry", id,
				"kind", removed.kind().name(), "start", removed.start().toString(), "end", removed.end().toString(),
				"name", removed.name()));
	}

	boolean hasEntries(String code) {
		return jdbc.sql("select count(*) from workflow_calendar_entry where calendar_code = :c").param("c", code)
			.query(Long.class).single() > 0;
	}

	/** Inserts an entry without auditing (demo data loaded at start-up). */
	void seed(String code, Kind kind, LocalDate start, LocalDate end, String name) {
		jdbc.sql("""
				insert into workflow_calendar_entry (calendar_code, kind, start_date, end_date, name)
				values (:c, :k, :s, :e, :n)""")
			.param("c", code).param("k", kind.name()).param("s", start).param("e", end).param("n", name).update();
	}

	void seedCalendar(String code, Map<String, String> name, boolean termBreaksOff) {
		jdbc.sql("""
				insert into workflow_calendar (code, name, term_breaks_off) values (:c, cast(:n as jsonb), :t)
				on conflict (code) do nothing""")
			.param("c", code).param("n", json.writeValueAsString(name)).param("t", termBreaksOff).update();
	}

	private List<Entry> entries(List<String> codes) {
		return jdbc.sql("""
				select id, kind, start_date, end_date, name from workflow_calendar_entry
				where calendar_code in (:codes) order by start_date, id""")
			.param("codes", codes).query((rs, n) -> entry(rs)).list();
	}

	private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Entry(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("name"));
	}

	private CalendarInfo info(String code, String name, boolean isDefault, boolean termBreaksOff) {
		return new CalendarInfo(code, json.readValue(name, new TypeReference<Map<String, String>>() {
		}), isDefault, termBreaksOff);
	}
}
