package org.onecampus.hall.internal.applications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The hall's application, evaluation and draft rows. Callers check who may do what and audit. */
@Repository
class Applications {

	private static final String COLUMNS = """
			a.id, a.service_code, a.applicant_id, a.instance_id, a.owner_org_unit_id, a.cross_department, a.status,
			a.return_count, a.submitted_at, a.ended_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Applications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Serializes submissions of one applicant with one idempotency key until the transaction ends, so two
	 * concurrent requests with the same key find each other's application instead of both submitting.
	 */
	void lockKey(UUID applicantId, String idempotencyKey) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))")
			.param("k", "hall-application:" + applicantId + ":" + idempotencyKey).query((rs, n) -> 1).list();
	}

	Optional<ApplicationRecord> byKey(UUID applicantId, String idempotencyKey) {
		return jdbc.sql("select " + COLUMNS + " from hall_application a where a.applicant_id = :p and a.idempotency_key = :k")
			.param("p", applicantId).param("k", idempotencyKey).query(this::row).optional();
	}

	Optional<ApplicationRecord> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from hall_application a where a.id = :id").param("id", id).query(this::row)
			.optional();
	}

	Optional<ApplicationRecord> byInstance(UUID instanceId) {
		return jdbc.sql("select " + COLUMNS + " from hall_application a where a.instance_id = :i").param("i", instanceId)
			.query(this::row).optional();
	}

	void insert(UUID id, String serviceCode, UUID applicantId, UUID instanceId, UUID ownerOrgUnitId,
			boolean crossDepartment, String status, String idempotencyKey) {
		jdbc.sql("""
				insert into hall_application (id, service_code, applicant_id, instance_id, owner_org_unit_id, cross_department,
				  status, idempotency_key)
				values (:id, :code, :applicant, :instance, :owner, :cross, :status, :key)""")
			.param("id", id).param("code", serviceCode).param("applicant", applicantId).param("instance", instanceId)
			.param("owner", ownerOrgUnitId).param("cross", crossDepartment).param("status", status)
			.param("key", idempotencyKey).update();
	}

	/**
	 * Ends the application; an application still on hold (terminated while suspended) adds its time on hold.
	 * @return whether the application ended now (false: it had ended before)
	 */
	boolean end(UUID id, String status) {
		return jdbc.sql("""
				update hall_application set status = :s, ended_at = now(), updated_at = now(),
				  suspended_seconds = suspended_seconds
				    + coalesce(greatest(0, extract(epoch from now() - suspended_at))::bigint, 0),
				  suspended_at = null
				where id = :id and ended_at is null""").param("s", status).param("id", id).update() > 0;
	}

	/** @return whether it was running and is now on hold (false: it was on hold, returned or ended before) */
	boolean suspend(UUID id, Instant at) {
		return jdbc.sql("""
				update hall_application set status = 'SUSPENDED', suspended_at = :at, updated_at = now()
				where id = :id and status = 'RUNNING' and ended_at is null""")
			.param("at", Timestamp.from(at)).param("id", id).update() > 0;
	}

	/** Back to running, adding the time on hold. @return whether it was on hold */
	boolean resume(UUID id, Instant at) {
		return jdbc.sql("""
				update hall_application set status = 'RUNNING', updated_at = now(),
				  suspended_seconds = suspended_seconds
				    + coalesce(greatest(0, extract(epoch from cast(:at as timestamptz) - suspended_at))::bigint, 0),
				  suspended_at = null
				where id = :id and status = 'SUSPENDED' and ended_at is null""")
			.param("at", Timestamp.from(at)).param("id", id).update() > 0;
	}

	/** @return whether it was running and is now returned (false: it was returned or ended before) */
	boolean markReturned(UUID id) {
		return jdbc.sql("""
				update hall_application set status = 'RETURNED', return_count = return_count + 1, updated_at = now()
				where id = :id and status = 'RUNNING' and ended_at is null""").param("id", id).update() > 0;
	}

	void status(UUID id, String status) {
		jdbc.sql("update hall_application set status = :s, updated_at = now() where id = :id and ended_at is null")
			.param("s", status).param("id", id).update();
	}

	record Listed(ApplicationRecord application, Map<String, String> serviceName) {
	}

	/**
	 * @param where a condition on {@code a} (hall_application) and {@code s} (hall_service) using the given params
	 */
	List<Listed> list(String where, Map<String, ?> params, String status, String q, int limit, long offset) {
		return jdbc.sql("select " + COLUMNS + ", s.name::text as service_name from hall_application a "
				+ "join hall_service s on s.code = a.service_code where " + where + filters()
				+ " order by a.submitted_at desc, a.id limit :limit offset :offset")
			.params(params).param("status", status).param("q", like(q)).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Listed(row(rs, n), json.readValue(rs.getString("service_name"),
					new TypeReference<LinkedHashMap<String, String>>() {
					})))
			.list();
	}

	long count(String where, Map<String, ?> params, String status, String q) {
		return jdbc.sql("select count(*) from hall_application a join hall_service s on s.code = a.service_code where "
				+ where + filters()).params(params).param("status", status).param("q", like(q)).query(Long.class).single();
	}

	private static String filters() {
		return " and (cast(:status as varchar) is null or a.status = any(string_to_array(cast(:status as varchar), ',')))"
				+ " and (cast(:q as varchar) is null or a.service_code ilike :q or s.name->>'zh-CN' ilike :q"
				+ " or s.name->>'en-US' ilike :q)";
	}

	private static String like(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	static Map<String, Object> ids(String name, Collection<UUID> ids) {
		return Map.of(name, ids.toArray(UUID[]::new));
	}

	record Evaluation(int stars, String comment, Instant at) {
	}

	Optional<Evaluation> evaluation(UUID applicationId) {
		return jdbc.sql("select stars, comment, created_at from hall_evaluation where application_id = :id")
			.param("id", applicationId)
			.query((rs, n) -> new Evaluation(rs.getInt("stars"), rs.getString("comment"), instant(rs, "created_at")))
			.optional();
	}

	/** @return false when the application was evaluated before */
	boolean evaluate(ApplicationRecord application, int stars, String comment) {
		return jdbc.sql("""
				insert into hall_evaluation (application_id, service_code, applicant_id, stars, comment)
				values (:id, :code, :applicant, :stars, :comment) on conflict (application_id) do nothing""")
			.param("id", application.id()).param("code", application.serviceCode())
			.param("applicant", application.applicantId()).param("stars", stars).param("comment", comment).update() > 0;
	}

	record Draft(String serviceCode, Map<String, Object> formData, Instant updatedAt) {
	}

	Optional<Draft> draft(UUID personId, String serviceCode) {
		return jdbc.sql("select service_code, form_data::text as data, updated_at from hall_draft where person_id = :p and service_code = :c")
			.param("p", personId).param("c", serviceCode)
			.query((rs, n) -> new Draft(rs.getString("service_code"), json.readValue(rs.getString("data"),
					new TypeReference<LinkedHashMap<String, Object>>() {
					}), instant(rs, "updated_at")))
			.optional();
	}

	void saveDraft(UUID personId, String serviceCode, String formData) {
		jdbc.sql("""
				insert into hall_draft (person_id, service_code, form_data) values (:p, :c, cast(:d as jsonb))
				on conflict (person_id, service_code) do update set form_data = excluded.form_data, updated_at = now()""")
			.param("p", personId).param("c", serviceCode).param("d", formData).update();
	}

	boolean deleteDraft(UUID personId, String serviceCode) {
		return jdbc.sql("delete from hall_draft where person_id = :p and service_code = :c").param("p", personId)
			.param("c", serviceCode).update() > 0;
	}

	private ApplicationRecord row(ResultSet rs, int n) throws SQLException {
		return new ApplicationRecord(rs.getObject("id", UUID.class), rs.getString("service_code"),
				rs.getObject("applicant_id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getObject("owner_org_unit_id", UUID.class), rs.getBoolean("cross_department"), rs.getString("status"),
				rs.getInt("return_count"), instant(rs, "submitted_at"), instant(rs, "ended_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
