package org.onecampus.workflow.internal.tasks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onecampus.identity.PersonDirectory;
import org.onecampus.support.ApiClient;
import org.onecampus.support.ApiClient.Response;
import org.onecampus.support.IntegrationTest;
import org.onecampus.workflow.internal.processes.ProcessDefinitions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onecampus.support.ProblemAssertions.assertProblem;
import static org.onecampus.workflow.internal.tasks.SimpleModels.approver;
import static org.onecampus.workflow.internal.tasks.SimpleModels.config;
import static org.onecampus.workflow.internal.tasks.SimpleModels.model;

/**
 * Participants of an instance and administrators of its process ({@code workflow:process:admin}) download the files
 * its data references; nobody else does.
 */
@IntegrationTest
class InstanceFileAccessIntegrationTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@LocalServerPort
	int port;

	@Autowired
	ProcessDefinitions definitions;

	@Autowired
	InstanceRuntime runtime;

	@Autowired
	Instances instances;

	@Autowired
	PersonDirectory directory;

	ApiClient as(String username) {
		return new ApiClient(port).signIn(username, IntegrationTest.DEMO_PASSWORD);
	}

	static String upload(ApiClient client, String name, byte[] content) {
		String boundary = "----onecampus" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		Response uploaded = client.send("POST", "/api/v1/workflow/files", "multipart/form-data; boundary=" + boundary,
				BodyPublishers.ofByteArray(body.toByteArray()));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return uploaded.json().get("id").asString();
	}

	@Test
	void theApproverDownloadsTheApplicantsAttachmentAndAnUnrelatedStudentGets404() {
		WorkflowFixtures fx = new WorkflowFixtures(definitions, runtime, instances, directory);
		String key = fx.publish(model(approver("counsellor",
				config("{\"rule\": \"POSITION\", \"position\": \"class-counsellor\"}", null), "null")));
		ApiClient student = as("stu001");
		String file = upload(student, "诊断证明.pdf", PDF);
		String path = "/api/v1/workflow/files/" + file;
		ApiClient counsellor = as("cou001");
		assertProblem(counsellor.get(path), 404, "resource.not-found");
		// intl001 holds workflow:process:admin (流程管理员) but the file is in no instance yet
		ApiClient processAdmin = as("intl001");
		assertProblem(processAdmin.get(path), 404, "resource.not-found");

		Response started = student.postJson("/api/v1/workflow/instances", """
				{"processKey": "%s", "formData": {"reason": "病假", "proof": [{"id": "%s", "name": "诊断证明.pdf",
				 "size": %d, "contentType": "application/pdf"}]}}""".formatted(key, file, PDF.length));
		assertThat(started.status()).as(started.body()).isEqualTo(201);

		Response download = counsellor.get(path, "*/*");
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
		assertThat(student.get(path, "*/*").status()).isEqualTo(200);
		// the process administrator is no participant, yet may see the instance and so its files
		Response administered = processAdmin.get(path, "*/*");
		assertThat(administered.status()).isEqualTo(200);
		assertThat(administered.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));
		assertProblem(as("grad001").get(path), 404, "resource.not-found");
	}
}
