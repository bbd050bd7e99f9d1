package org.onecampus.workflow.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import org.onecampus.kernel.OneCampusProperties;

import org.springframework.stereotype.Component;

/**
 * The bytes of uploaded files, under {@code <data-dir>/files/<aa>/<bb>/<uuid>} (two levels of 256 shards from the
 * id, so no directory grows large). Files are written to a temporary name and moved into place atomically, so a
 * reader never sees half a file. Back up this directory together with the database.
 */
@Component
class FileStore {

	private final Path root;

	FileStore(OneCampusProperties properties) {
		this.root = properties.dataDir().resolve("files").toAbsolutePath().normalize();
	}

	/** @return the path relative to the files directory */
	static String relativePath(UUID id) {
		String hex = id.toString().replace("-", "");
		return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + id;
	}

	/** Moves a finished temporary file into place. */
	void store(Path temporary, String relativePath) {
		Path target = resolve(relativePath);
		try {
			Files.createDirectories(target.getParent());
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A temporary file in the files directory (same file system, so the final move is atomic). */
	Path temporary() {
		try {
			Path tmp = root.resolve("tmp");
			Files.createDirectories(tmp);
			return Files.createTempFile(tmp, "upload-", ".part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	InputStream open(String relativePath) throws IOException {
		return Files.newInputStream(resolve(relativePath));
	}

	void delete(String relativePath) {
		try {
			Files.deleteIfExists(resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path resolvePath(String relativePath) {
		return resolve(relativePath);
	}

	private Path resolve(String relativePath) {
		Path path = root.resolve(relativePath).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("outside the files directory: " + relativePath);
		}
		return path;
	}
}
