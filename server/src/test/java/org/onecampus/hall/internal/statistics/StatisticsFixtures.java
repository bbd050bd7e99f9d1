package org.onecampus.hall.internal.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.hall.internal.catalogue.ServiceCatalogue;
import org.onecampus.hall.internal.catalogue.ServiceItem;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Departments, items, applications and evaluations written straight into the tables, for statistics tests. */
final class StatisticsFixtures {

	private final JdbcClient jdbc;

	private final ServiceCatalogue catalogue;

	private final JsonMapper json;

	StatisticsFixtures(JdbcClient jdbc, ServiceCatalogue catalogue, JsonMapper json) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.json = json;
	}

	/** A new office under the university root. */
	UUID department(String name) {
		UUID unit = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_org_unit (id, code, name, name_en, type, parent_id, valid_from)
				select :id, :code, :name, :nameEn, 'OFFICE', id, date '2010-01-01' from identity_org_unit where code = 'U'""")
			.param("id", unit).param("code", "STAT-" + unit.toString().substring(0, 8)).param("name", name)
			.param("nameEn", "Stats office " + unit.toString().substring(0, 4)).update();
		return unit;
	}

	/** A published ONLINE item; {@code co} the co-handling departments. */
	ServiceItem item(String code, String name, UUID owner, List<UUID> co, Integer promisedDays) {
		return item(code, name, owner, co, promisedDays, "stats-probe");
	}

	/** A published ONLINE item running {@code processKey}. */
	ServiceItem item(String code, String name, UUID owner, List<UUID> co, Integer promisedDays, String processKey) {
		return catalogue.insert(new ServiceItem(code, Map.of("zh-CN", name, "en-US", name + " (en)"), Map.of(), "it", owner,
				co, json.readTree("{}"), false, ServiceItem.ONLINE, processKey, null, null, json.readTree("{}"),
				json.readTree("[]"), json.readTree("{}"), promisedDays, json.readTree("[]"), List.of(), List.of(),
				ServiceItem.PUBLISHED, false, 0, 0, null, null, null), null);
	}

	/** An application; {@code ended} null while running. Times are Asia/Shanghai. */
	UUID application(ServiceItem item, LocalDateTime submitted, LocalDateTime ended, String status, int returns) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into hall_application (id, service_code, applicant_id, instance_id, owner_org_unit_id,
				  cross_department, status, return_count, submitted_at, ended_at)
				values (:id, :service, :applicant, :instance, :owner, :crossing, :status, :returns, :submitted, :ended)""")
			.param("id", id).param("service", item.code()).param("applicant", UUID.randomUUID())
			.param("instance", UUID.randomUUID()).param("owner", item.ownerOrgUnitId())
			.param("crossing", item.crossDepartment()).param("status", status).param("returns", returns)
			.param("submitted", at(submitted)).param("ended", ended == null ? null : at(ended)).update();
		return id;
	}

	void evaluation(UUID application, int stars, String comment, LocalDateTime at) {
		jdbc.sql("""
				insert into hall_evaluation (application_id, service_code, applicant_id, stars, comment, created_at)
				select id, service_code, applicant_id, :stars, :comment, :at from hall_application where id = :id""")
			.param("id", application).param("stars", stars).param("comment", comment).param("at", at(at)).update();
	}

	/** A department administrator: SERVICE_ADMIN scoped to {@code unit}; returns the username. */
	String serviceAdmin(UUID unit, String suffix) {
		UUID person = UUID.randomUUID();
		String username = "tstat" + suffix;
		jdbc.sql("insert into identity_person (id, name) values (:id, '统计管理员')").param("id", person).update();
		jdbc.sql("""
				insert into identity_affiliation (id, person_id, type, identifier, org_unit_id, status, start_date, is_primary)
				values (:id, :person, 'STAFF', :identifier, :unit, 'ACTIVE', date '2020-09-01', true)""")
			.param("id", UUID.randomUUID()).param("person", person).param("identifier", "TS" + suffix).param("unit", unit)
			.update();
		jdbc.sql("""
				insert into identity_account (id, person_id, username, password_hash)
				select :id, :person, :username, password_hash from identity_account where username = 'stu001'""")
			.param("id", UUID.randomUUID()).param("person", person).param("username", username).update();
		jdbc.sql("""
				insert into identity_account_role (account_id, role_code, scope_org_unit_id)
				select a.id, 'SERVICE_ADMIN', :unit from identity_account a where a.username = :u""")
			.param("unit", unit).param("u", username).update();
		return username;
	}

	static Timestamp at(LocalDateTime time) {
		return Timestamp.from(time.atZone(Rollups.ZONE).toInstant());
	}

	static LocalDateTime on(LocalDate day, int hour, int minute) {
		return day.atTime(hour, minute);
	}
}
