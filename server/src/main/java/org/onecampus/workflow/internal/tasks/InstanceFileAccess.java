package org.onecampus.workflow.internal.tasks;

import java.util.List;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.workflow.FileAccessPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets the participants of an instance download the files its form data or its actions' attachments
 * reference: whoever may see the instance (a participant, {@link InstanceViews#participates}, or an administrator of
 * its process, {@link InstanceViews#administers}) may read the file.
 */
@Component
class InstanceFileAccess implements FileAccessPolicy {

	private final JdbcClient jdbc;

	private final Instances instances;

	private final InstanceViews views;

	InstanceFileAccess(JdbcClient jdbc, Instances instances, InstanceViews views) {
		this.jdbc = jdbc;
		this.instances = instances;
		this.views = views;
	}

	@Override
	public boolean mayRead(UUID fileId, CampusUser reader) {
		List<UUID> referencing = jdbc.sql("""
				select i.id from workflow_instance i
				where jsonb_path_exists(i.form_data, '$.** ? (@.id == $f)', jsonb_build_object('f', cast(:file as text)))
				union
				select a.instance_id from workflow_action a
				where jsonb_path_exists(a.attachments, '$.** ? (@.id == $f)', jsonb_build_object('f', cast(:file as text)))
				   or jsonb_path_exists(coalesce(a.data_snapshot, '{}'), '$.** ? (@.id == $f)',
				        jsonb_build_object('f', cast(:file as text)))""")
			.param("file", fileId.toString())
			.query(UUID.class)
			.list();
		return referencing.stream()
			.map(instances::find)
			.flatMap(java.util.Optional::stream)
			.anyMatch(instance -> views.participates(instance, reader.personId()) || views.administers(instance, reader))
				|| inOwnArchivedInstance(fileId, reader.personId());
	}

	/** An instance of the person moved to the archive references the file (its applicant still reads it). */
	private boolean inOwnArchivedInstance(UUID fileId, UUID personId) {
		return jdbc.sql("""
				select exists (select 1 from workflow_instance_archive i where i.applicant_id = :p and (
				  jsonb_path_exists(i.form_data, '$.** ? (@.id == $f)', jsonb_build_object('f', cast(:file as text)))
				  or exists (select 1 from workflow_action_archive a where a.instance_id = i.id and (
				    jsonb_path_exists(a.attachments, '$.** ? (@.id == $f)', jsonb_build_object('f', cast(:file as text)))
				    or jsonb_path_exists(coalesce(a.data_snapshot, '{}'), '$.** ? (@.id == $f)',
				         jsonb_build_object('f', cast(:file as text)))))))""")
			.param("p", personId).param("file", fileId.toString()).query(Boolean.class).single();
	}
}
