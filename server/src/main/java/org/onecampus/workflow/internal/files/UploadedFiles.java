package org.onecampus.workflow.internal.files;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata of uploaded files ({@code workflow_file}); the bytes live on disk (see {@link FileStore}). */
@Repository
public class UploadedFiles {

	private final JdbcClient jdbc;

	public UploadedFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(StoredFile file) {
		jdbc.sql("""
				insert into workflow_file (id, name, size, content_type, sha256, storage_path, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(file.id(), file.name(), file.size(), file.contentType(), file.sha256(), file.storagePath(),
					file.uploadedBy(), Timestamp.from(file.uploadedAt()))
			.update();
	}

	public Optional<StoredFile> find(UUID id) {
		return jdbc.sql("select * from workflow_file where id = ?").param(id).query(UploadedFiles::row).optional();
	}

	/** @return the files of these ids that exist, in no particular order */
	public List<StoredFile> find(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from workflow_file where id = any(?)").param(ids.toArray(UUID[]::new))
			.query(UploadedFiles::row).list();
	}

	/** Marks files as used in stored form data, so the orphan clean-up leaves them. */
	public void markReferenced(Collection<UUID> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("update workflow_file set referenced_at = now() where id = any(?) and referenced_at is null")
				.param(ids.toArray(UUID[]::new)).update();
		}
	}

	/**
	 * Deletes up to {@code limit} unreferenced files uploaded before {@code before}, skipping rows another node
	 * has locked (so nodes running the clean-up at once never take the same file).
	 * @return the deleted rows, whose bytes the caller removes after the transaction commits
	 */
	List<StoredFile> deleteOrphans(Instant before, int limit) {
		return jdbc.sql("""
				delete from workflow_file where id in (
				  select id from workflow_file where referenced_at is null and uploaded_at < ?
				  order by uploaded_at limit ? for update skip locked)
				returning *""")
			.params(Timestamp.from(before), limit).query(UploadedFiles::row).list();
	}

	private static StoredFile row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp referenced = rs.getTimestamp("referenced_at");
		return new StoredFile(rs.getObject("id", UUID.class), rs.getString("name"), rs.getLong("size"),
				rs.getString("content_type"), rs.getString("sha256").trim(), rs.getString("storage_path"),
				rs.getObject("uploaded_by", UUID.class), rs.getTimestamp("uploaded_at").toInstant(),
				referenced == null ? null : referenced.toInstant());
	}

	/**
	 * @param storagePath relative to the files directory
	 * @param referencedAt null while no stored form data references the file
	 */
	public record StoredFile(UUID id, String name, long size, String contentType, String sha256, String storagePath,
			UUID uploadedBy, Instant uploadedAt, Instant referencedAt) {
	}
}
