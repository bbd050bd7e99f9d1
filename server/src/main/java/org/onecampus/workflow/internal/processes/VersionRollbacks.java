package org.onecampus.workflow.internal.processes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.kernel.error.PlatformException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rolling back a bad publish: the model of version n-1 is published again as version n+1 (published
 * versions never change), so new starts use it at once. The draft the designers are editing is kept.
 */
@Service
public class VersionRollbacks {

	private final JdbcClient jdbc;

	private final ProcessDefinitions definitions;

	private final AuditLog audit;

	VersionRollbacks(JdbcClient jdbc, ProcessDefinitions definitions, AuditLog audit) {
		this.jdbc = jdbc;
		this.definitions = definitions;
		this.audit = audit;
	}

	/**
	 * @param version the bad version; must be the latest and not the first
	 * @return the new version carrying version n-1's model
	 */
	@Transactional
	public ProcessVersion rollback(String key, int version, UUID actor) {
		int latest = jdbc.sql("select latest_version from workflow_process where key = :key for update").param("key", key)
			.query(Integer.class).optional().orElseThrow(() -> PlatformException.notFound("process", key));
		if (version < 1 || version > latest) {
			throw PlatformException.notFound("process version", key + "/" + version);
		}
		if (version == 1) {
			throw PlatformException.invalid(List.of(new FieldProblem("version", "workflow.rollback.first-version")));
		}
		if (version != latest) {
			throw PlatformException.conflict("workflow.rollback.not-latest", version, latest);
		}
		Map<String, Object> draft = jdbc.sql("""
				select name::text as name, admins::text as admins, applicants::text as applicants, form_key,
				  form_version, draft_model::text as model, draft_bpmn as bpmn
				from workflow_process where key = :key""").param("key", key).query().singleRow();
		jdbc.sql("""
				update workflow_process p set name = v.name, admins = v.admins, applicants = v.applicants,
				  form_key = v.form_key, form_version = v.form_version, draft_model = v.model, draft_bpmn = v.source_bpmn
				from workflow_process_version v where v.process_key = p.key and v.version = :previous and p.key = :key""")
			.param("previous", version - 1).param("key", key).update();
		ProcessVersion published = definitions.publish(key, actor);
		jdbc.sql("""
				update workflow_process set name = cast(:name as jsonb), admins = cast(:admins as jsonb),
				  applicants = cast(:applicants as jsonb), form_key = :form_key, form_version = :form_version,
				  draft_model = cast(:model as jsonb), draft_bpmn = :bpmn
				where key = :key""").params(draft).param("key", key).update();
		audit.record("workflow.process.rollback", "process:" + key, Map.of("rolledBack", version, "restored", version - 1,
				"version", published.version()));
		return published;
	}
}
