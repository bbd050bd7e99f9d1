package org.onecampus.workflow.internal.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class FilesIntegrationTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OrphanFileCleanup cleanup;

	private ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static Response upload(ApiClient client, String name, byte[] content) {
		String boundary = "----onecampus" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return client.send("POST", "/api/v1/workflow/files", "multipart/form-data; boundary=" + boundary,
				BodyPublishers.ofByteArray(body.toByteArray()));
	}

	@Test
	void theUploaderDownloadsTheFileAndNobodyElseSeesIt() throws Exception {
		ApiClient student = as("stu001");
		Response uploaded = upload(student, "诊断证明.pdf", PDF);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		String id = uploaded.json().get("id").asString();
		assertThat(uploaded.json().get("name").asString()).isEqualTo("诊断证明.pdf");
		assertThat(uploaded.json().get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(uploaded.json().get("size").asLong()).isEqualTo(PDF.length);
		assertThat(uploaded.json().get("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));

		Response download = student.get("/api/v1/workflow/files/" + id, "*/*");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
		assertThat(download.header("Content-Disposition")).startsWith("attachment");
		assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");

		assertProblem(as("grad001").get("/api/v1/workflow/files/" + id), 404, "resource.not-found");
	}

	@Test
	void contentThatDoesNotMatchItsNameIsRefused() {
		assertProblem(upload(as("stu001"), "invoice.pdf", PNG), 415, "workflow.file.mismatch");
	}

	@Test
	void executablesAreRefusedWhateverTheirName() {
		byte[] exe = new byte[64];
		exe[0] = 'M';
		exe[1] = 'Z';
		assertProblem(upload(as("stu001"), "photo.png", exe), 415, "workflow.file.type");
		assertProblem(upload(as("stu001"), "page.txt", "<html><script>alert(1)</script></html>".getBytes()), 415,
				"workflow.file.type");
	}

	@Test
	void aFileOverTheLimitIs413() {
		byte[] big = new byte[3 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		assertProblem(upload(as("stu001"), "big.pdf", big), 413, "workflow.file.too-large");
	}

	@Test
	void oldUnreferencedUploadsAreCleanedUpAndReferencedOnesKept() {
		ApiClient student = as("stu001");
		UUID orphan = UUID.fromString(upload(student, "old.txt", "orphan".getBytes()).json().get("id").asString());
		UUID used = UUID.fromString(upload(student, "used.txt", "used".getBytes()).json().get("id").asString());
		jdbc.sql("update workflow_file set uploaded_at = ? where id in (?, ?)")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(30))), orphan, used).update();
		jdbc.sql("update workflow_file set referenced_at = now() where id = ?").param(used).update();

		assertThat(cleanup.run()).isGreaterThanOrEqualTo(1);

		assertProblem(student.get("/api/v1/workflow/files/" + orphan), 404, "resource.not-found");
		assertThat(student.get("/api/v1/workflow/files/" + used, "*/*").status()).isEqualTo(200);
	}
}
