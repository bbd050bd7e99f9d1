package org.onecampus.workflow.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.audit.AuditLog;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.FileAccessPolicy;
import org.onecampus.workflow.internal.files.UploadedFiles.StoredFile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Accepting an upload (size limit, content sniffed against the allow-list and the name's extension, SHA-256,
 * stored on disk, metadata row) and deciding who may read a file: the uploader, or anyone a
 * {@link FileAccessPolicy} lets in.
 */
@Service
class FileUploads {

	private final FileStore store;

	private final UploadedFiles files;

	private final FilesProperties properties;

	private final List<FileAccessPolicy> policies;

	private final AuditLog audit;

	private final Clock clock;

	FileUploads(FileStore store, UploadedFiles files, FilesProperties properties, List<FileAccessPolicy> policies,
			AuditLog audit, Clock clock) {
		this.store = store;
		this.files = files;
		this.properties = properties;
		this.policies = policies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @throws PlatformException 413 over the size limit, 415 when the content is not allowed or does not match the
	 * name, 422 when empty
	 */
	StoredFile upload(MultipartFile upload, UUID personId) {
		if (upload.getSize() > properties.maxSizeMb() * 1024L * 1024L) {
			throw new PlatformException(HttpStatus.CONTENT_TOO_LARGE, "workflow.file.too-large", properties.maxSizeMb());
		}
		if (upload.isEmpty()) {
			throw new PlatformException(HttpStatus.UNPROCESSABLE_CONTENT, "workflow.file.empty");
		}
		String name = cleanName(upload.getOriginalFilename());
		Path temporary = store.temporary();
		try {
			String sha256 = copy(upload, temporary);
			StringBuilder found = new StringBuilder();
			ContentSniffer.Kind kind = ContentSniffer.sniff(temporary, found);
			if (kind == null) {
				throw new PlatformException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "workflow.file.type", found);
			}
			if (!kind.fitsName(name)) {
				throw new PlatformException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "workflow.file.mismatch", name, found);
			}
			UUID id = UUID.randomUUID();
			String path = FileStore.relativePath(id);
			store.store(temporary, path);
			StoredFile file = new StoredFile(id, name, Files.size(store.resolvePath(path)), kind.contentType, sha256, path,
					personId, clock.instant(), null);
			files.insert(file);
			audit.record("workflow.file-uploaded", "file:" + id,
					Map.of("name", name, "size", file.size(), "contentType", file.contentType()));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ex) {
				// the orphan clean-up of tmp is the file system's; nothing else to do
			}
		}
	}

	/** @return the file when the person may read it; empty otherwise (callers answer 404 either way) */
	Optional<StoredFile> readable(UUID id, CampusUser reader) {
		return files.find(id)
			.filter(f -> f.uploadedBy().equals(reader.personId()) || policies.stream().anyMatch(p -> p.mayRead(id, reader)));
	}

	InputStream open(StoredFile file) throws IOException {
		return store.open(file.storagePath());
	}

	private static String copy(MultipartFile upload, Path target) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try (InputStream in = upload.getInputStream();
				OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
			in.transferTo(out);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** The last path segment, without control characters, at most 255 characters. */
	static String cleanName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			name = "file";
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}
}
