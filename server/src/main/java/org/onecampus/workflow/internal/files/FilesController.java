package org.onecampus.workflow.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onecampus.identity.CampusUser;
import org.onecampus.kernel.error.PlatformException;
import org.onecampus.workflow.internal.files.UploadedFiles.StoredFile;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Files for form fields (file, image, signature): upload, then reference the id in form data; download. */
@RestController
@RequestMapping("/api/v1/workflow/files")
@Tag(name = "Workflow files", description = "Uploads referenced from form data")
class FilesController {

	private final FileUploads uploads;

	FilesController(FileUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Upload a file (multipart field 'file'): 201, 413 over the limit, 415 when the content is not allowed or does not match the name")
	ResponseEntity<FileView> upload(@AuthenticationPrincipal CampusUser user, @RequestParam("file") MultipartFile file) {
		StoredFile stored = uploads.upload(file, user.personId());
		return ResponseEntity.created(URI.create("/api/v1/workflow/files/" + stored.id())).body(FileView.of(stored));
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Download a file: the uploader, or someone who may see an instance referencing it (participants, administrators of its process); 404 otherwise")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal CampusUser user, @PathVariable UUID id)
			throws IOException {
		StoredFile file = uploads.readable(id, user).orElseThrow(() -> PlatformException.notFound("file", id));
		InputStream in = uploads.open(file);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.ETAG, "\"" + file.sha256() + "\"")
			.body(new InputStreamResource(in));
	}

	/** What the form data stores for a file, plus its digest. */
	record FileView(UUID id, String name, long size, String contentType, String sha256) {

		static FileView of(StoredFile f) {
			return new FileView(f.id(), f.name(), f.size(), f.contentType(), f.sha256());
		}
	}
}
